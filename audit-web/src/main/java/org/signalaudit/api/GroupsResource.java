package org.signalaudit.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.signalaudit.account.Role;
import org.signalaudit.group.ChangeGroup;
import org.signalaudit.group.CreateGroup;
import org.signalaudit.group.GroupView;
import org.signalaudit.group.Groups;
import org.signalaudit.query.Page;

/** Groups and their members (ADMIN and above, enforced by the boundary). Thin: validate, delegate, answer. */
@Path("groups")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class GroupsResource {

    @Inject
    Groups groups;

    @POST
    @Operation(operationId = "createGroup", summary = "Create a group",
            description = "Creates a group: one entity_audit row.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "201", description = "The group; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GroupView")))
    @APIResponse(responseCode = "409", description = "The name is taken")
    public Response create(@NotNull @Valid CreateGroup command, @Context UriInfo uri) {
        GroupView created = groups.create(command);
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
    }

    @GET
    @Operation(operationId = "listGroups", summary = "List groups",
            description = "Groups by name, keyset-paginated: pass the answer's next as after for the following page.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "One page of groups",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GroupViewPage")))
    public Page<GroupView> list(@Valid @BeanParam PageParams page,
                                @Parameter(description = "the next of the previous page") @QueryParam("after") String after) {
        return groups.list(page.limit(), PageParams.text(after));
    }

    @GET
    @Path("{name}")
    @Operation(operationId = "findGroup", summary = "Read a group",
            description = "The group and its members.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GroupView")))
    @APIResponse(responseCode = "404", description = "No group has this name")
    public GroupView find(@PathParam("name") String name) {
        return groups.find(name);
    }

    @PATCH
    @Path("{name}")
    @Operation(operationId = "changeGroup", summary = "Change a group's description",
            description = "Changes the description: one entity_audit row with the old and new value.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The group after the change",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GroupView")))
    @APIResponse(responseCode = "404", description = "No group has this name")
    @APIResponse(responseCode = "409", description = "The group changed concurrently")
    public GroupView change(@PathParam("name") String name, @NotNull @Valid ChangeGroup command) {
        return groups.change(name, command);
    }

    @DELETE
    @Path("{name}")
    @Operation(operationId = "deleteGroup", summary = "Delete a group",
            description = "Deletes the group: one entity_audit row, and one for each member's user.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "404", description = "No group has this name")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("name") String name) {
        groups.delete(name);
        return Response.noContent().build();
    }

    @PUT
    @Path("{name}/members/{username}")
    @Operation(operationId = "addGroupMember", summary = "Add a member",
            description = "Adds the user to the group: one entity_audit row for the group and one for the user.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The group with the member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GroupView")))
    @APIResponse(responseCode = "404", description = "No group or no user has this name")
    @APIResponse(responseCode = "409", description = "The group or the user changed concurrently")
    public GroupView addMember(@PathParam("name") String name, @PathParam("username") String username) {
        return groups.addMember(name, username);
    }

    @DELETE
    @Path("{name}/members/{username}")
    @Operation(operationId = "removeGroupMember", summary = "Remove a member",
            description = "Removes the user from the group: one entity_audit row for the group and one for the user.")
    @Extension(name = ApiDocumentation.REQUIRED_ROLE, value = Role.ADMIN_NAME)
    @APIResponse(responseCode = "200", description = "The group without the member",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "GroupView")))
    @APIResponse(responseCode = "404", description = "No group or no user has this name, or the user is not a member")
    @APIResponse(responseCode = "409", description = "The group or the user changed concurrently")
    public GroupView removeMember(@PathParam("name") String name, @PathParam("username") String username) {
        return groups.removeMember(name, username);
    }
}
