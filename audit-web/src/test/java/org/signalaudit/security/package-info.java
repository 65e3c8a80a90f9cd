/** Tests of the sign-in protections (audit-ejb's org.signalaudit.security) through the API. */
package org.signalaudit.security;
