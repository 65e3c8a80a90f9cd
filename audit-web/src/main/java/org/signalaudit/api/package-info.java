/**
 * The REST API: thin resources over the boundaries in audit-api, the request-context filter that
 * resolves who and where, and the mappers that turn every failure into problem+json. Each resource
 * method documents itself for the OpenAPI document ({@code /openapi}) with {@code @Operation}, its
 * success and its own errors, and the least role it needs ({@code x-required-role});
 * {@link org.signalaudit.api.ApiDocumentation} adds what every operation shares. The document's
 * browsable UI is the static page {@code /audit/api-docs/} (Swagger UI from its webjar).
 *
 * <p>The resources are {@code @ApplicationScoped}: they keep nothing of a request, and created per
 * request each would get new EJB references to its boundaries, which Weld makes under the web
 * module's class-loader lock (docs/PERFORMANCE.md, run 19). The two whose fields hold the request's
 * own {@code @Context} ({@code EvidenceResource}, {@code ExportResource}) stay per request.
 */
package org.signalaudit.api;
