/**
 * The REST API: thin resources over the boundaries in audit-api, the request-context filter that
 * resolves who and where, and the mappers that turn every failure into problem+json.
 */
package org.signalaudit.api;
