package org.signalaudit.api;

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

import org.signalaudit.query.Page;
import org.signalaudit.group.ChangeGroup;
import org.signalaudit.group.CreateGroup;
import org.signalaudit.group.GroupView;
import org.signalaudit.group.Groups;

/** Groups and their members (ADMIN and above, enforced by the boundary). Thin: validate, delegate, answer. */
@Path("groups")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class GroupsResource {

    @Inject
    Groups groups;

    @POST
    public Response create(@NotNull @Valid CreateGroup command, @Context UriInfo uri) {
        GroupView created = groups.create(command);
        return Response.created(uri.getAbsolutePathBuilder().path(created.name()).build()).entity(created).build();
    }

    @GET
    public Page<GroupView> list(@Valid @BeanParam PageParams page, @QueryParam("after") String after) {
        return groups.list(page.limit(), PageParams.text(after));
    }

    @GET
    @Path("{name}")
    public GroupView find(@PathParam("name") String name) {
        return groups.find(name);
    }

    @PATCH
    @Path("{name}")
    public GroupView change(@PathParam("name") String name, @NotNull @Valid ChangeGroup command) {
        return groups.change(name, command);
    }

    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name) {
        groups.delete(name);
        return Response.noContent().build();
    }

    @PUT
    @Path("{name}/members/{username}")
    public GroupView addMember(@PathParam("name") String name, @PathParam("username") String username) {
        return groups.addMember(name, username);
    }

    @DELETE
    @Path("{name}/members/{username}")
    public GroupView removeMember(@PathParam("name") String name, @PathParam("username") String username) {
        return groups.removeMember(name, username);
    }
}
