/** Exception mappers: every failure of the API becomes an RFC 9457 problem+json with the request id. */
package org.signalaudit.api.problem;
