/**
 * The admin screens (Jakarta Faces with PrimeFaces), one bean per screen. The beans are thin:
 * they call the boundaries of audit-api, which check the caller's role on the server for every
 * action, and show the DTOs they return; no entity reaches a page. Changes made here are audited
 * like any other, with origin ADMIN_UI, because the request context knows where they came from.
 */
package org.signalaudit.admin;
