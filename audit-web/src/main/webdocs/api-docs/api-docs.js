// The OpenAPI document Payara serves at /openapi (outside the context root); "Try it out" sends
// the requests with the HTTP Basic credentials given under "Authorize".
window.onload = function () {
    window.ui = SwaggerUIBundle({
        url: "/openapi?format=JSON",
        dom_id: "#swagger-ui",
        deepLinking: true,
        presets: [SwaggerUIBundle.presets.apis]
    });
};
