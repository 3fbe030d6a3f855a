package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.port.CustomSchemas;
import com.javelo.scim.core.port.Page;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.port.UserWithGroups;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.etag.EntityTags;
import com.javelo.scim.core.protocol.json.UserJson;
import com.javelo.scim.core.protocol.paging.CursorCodec;
import com.javelo.scim.core.protocol.paging.KeysetPosition;
import com.javelo.scim.core.protocol.patch.PatchRequest;
import com.javelo.scim.core.protocol.patch.ScimPatch;
import com.javelo.scim.core.protocol.patch.quirks.EntraDefaultDialect;
import com.javelo.scim.core.protocol.projection.Projection;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.CustomSchema;
import com.javelo.scim.core.protocol.schema.ResourceSchema;
import com.javelo.scim.core.protocol.schema.ScimUserGroupCharacteristics;
import com.javelo.scim.core.usecase.user.CreateUser;
import com.javelo.scim.core.usecase.user.DeleteUser;
import com.javelo.scim.core.usecase.user.PatchUser;
import com.javelo.scim.core.usecase.user.ReplaceUser;
import com.javelo.scim.domain.error.UnknownUser;
import com.javelo.scim.domain.id.UserId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import com.javelo.scim.domain.user.User;
import com.javelo.scim.domain.user.UserOrigin;
import java.util.List;
import java.util.Optional;

/** The SCIM protocol for /Users, independent of HTTP: parses, runs the use case, renders. */
public final class UserEndpoint implements ResourceEndpoint {

    private static final AttributePath GROUPS = AttributePath.of("groups");

    private final Users users;
    private final CreateUser createUser;
    private final ReplaceUser replaceUser;
    private final PatchUser patchUser;
    private final DeleteUser deleteUser;
    private final EndpointSettings settings;
    private final CursorCodec cursors;
    private final CustomSchemas schemas;

    public UserEndpoint(
            Users users,
            CreateUser createUser,
            ReplaceUser replaceUser,
            PatchUser patchUser,
            DeleteUser deleteUser,
            EndpointSettings settings,
            CursorCodec cursors) {
        this(users, createUser, replaceUser, patchUser, deleteUser, settings, cursors, CustomSchemas.NONE);
    }

    /** @param schemas each company's declared attributes (read on every request: keep them in memory) */
    public UserEndpoint(
            Users users,
            CreateUser createUser,
            ReplaceUser replaceUser,
            PatchUser patchUser,
            DeleteUser deleteUser,
            EndpointSettings settings,
            CursorCodec cursors,
            CustomSchemas schemas) {
        this.schemas = schemas;
        this.users = users;
        this.createUser = createUser;
        this.replaceUser = replaceUser;
        this.patchUser = patchUser;
        this.deleteUser = deleteUser;
        this.settings = settings;
        this.cursors = cursors;
    }

    @Override
    public ScimResponse list(RequestContext context, ListParameters parameters) {
        CustomSchema schema = schemas.of(context.tenant());
        ListRequests.Parsed parsed = ListRequests.parse(parameters, settings, cursors, context.tenant(), "Users");
        ResourceQuery query = ResourceFilters.users(parsed.query(), schema);
        Projection projection = Projection.of(parameters.attributes(), parameters.excludedAttributes());
        ResourceSchema resource = schema.users();
        // The page's groups come with the users in one look-up, and not at all when not returned.
        Page<UserWithGroups> page = projection.includes(GROUPS, resource)
                ? users.queryWithGroups(context.tenant(), query)
                : users.query(context.tenant(), query).map(user -> new UserWithGroups(user, List.of()));
        return ScimResponse.ok(ListRequests.listResponse(
                parsed,
                page,
                listed -> projection.apply(
                        UserJson.write(listed.user(), listed.groups(), context.baseUrl(), schema), resource),
                ListRequests.positions(
                        query,
                        listed -> new KeysetPosition(
                                listed.user().meta().created(),
                                listed.user().id().value()),
                        listed -> UserJson.write(listed.user(), listed.groups(), context.baseUrl(), schema)),
                cursors,
                context.tenant()));
    }

    /**
     * A company's people for its operator (issue #18): the users (filter, index or cursor paging as
     * for /Users), each with {@code origin} ({@code imported}: in Javelo before the integration;
     * {@code provisioned}: created by the IdP) and {@code linkedToIdp} (provisioned, or given an
     * {@code externalId}, which Okta and Entra send when they take a person over).
     */
    public ScimResponse listPeople(RequestContext context, ListParameters parameters) {
        ListRequests.Parsed parsed = ListRequests.parse(parameters, settings, cursors, context.tenant(), "People");
        CustomSchema schema = schemas.of(context.tenant());
        ResourceQuery query = ResourceFilters.users(parsed.query(), schema);
        Page<User> page = users.query(context.tenant(), query);
        return ScimResponse.ok(ListRequests.listResponse(
                parsed,
                page,
                user -> person(context, user),
                ListRequests.positions(
                        query,
                        user -> new KeysetPosition(
                                user.meta().created(), user.id().value()),
                        user -> UserJson.write(user, List.of(), context.baseUrl(), schema)),
                cursors,
                context.tenant()));
    }

    private ObjectNode person(RequestContext context, User user) {
        ObjectNode node = UserJson.write(user, List.of(), context.baseUrl(), schemas.of(context.tenant()));
        node.put("origin", user.origin() == UserOrigin.PRE_EXISTING ? "imported" : "provisioned");
        node.put(
                "linkedToIdp",
                user.origin() == UserOrigin.PROVISIONED || user.profile().externalId() != null);
        return node;
    }

    /** POST /Users/.search (RFC 7644 §3.4.3). */
    @Override
    public ScimResponse search(RequestContext context, JsonNode searchRequest) {
        return list(context, ListRequests.fromSearchRequest(searchRequest));
    }

    @Override
    public ScimResponse get(RequestContext context, String id, AttributeSelection selection) {
        UserId userId = new UserId(id);
        // The groups come with the user in one look-up, and not at all when not returned.
        Optional<UserWithGroups> user = Projection.of(selection.attributes(), selection.excludedAttributes())
                        .includes(GROUPS, schemas.of(context.tenant()).users())
                ? users.findByIdWithGroups(context.tenant(), userId)
                : users.findById(context.tenant(), userId).map(found -> new UserWithGroups(found, List.of()));
        return respond(200, context, user.orElseThrow(() -> new UnknownUser(id)), selection);
    }

    @Override
    public ScimResponse create(RequestContext context, JsonNode body, AttributeSelection selection) {
        User user = createUser.execute(new CreateUser.Command(
                context.tenant(),
                UserJson.read(body, schemas.of(context.tenant())),
                UserOrigin.PROVISIONED,
                context.cause()));
        return respondCreated(context, user, selection);
    }

    /** Loads a person who existed in Javelo before the integration, for the IdP to adopt. */
    public ScimResponse importExisting(RequestContext context, JsonNode body) {
        User user = createUser.execute(new CreateUser.Command(
                context.tenant(),
                UserJson.read(body, schemas.of(context.tenant())),
                UserOrigin.PRE_EXISTING,
                context.cause()));
        return respondCreated(context, user, AttributeSelection.none());
    }

    @Override
    public ScimResponse replace(
            RequestContext context, String id, JsonNode body, ExpectedVersion expected, AttributeSelection selection) {
        UserWithGroups user = replaceUser.execute(new ReplaceUser.Command(
                context.tenant(),
                new UserId(id),
                UserJson.read(body, schemas.of(context.tenant())),
                expected,
                context.cause()));
        return respond(200, context, user, selection);
    }

    /**
     * User PATCH answers 200 with the resource (Okta's tests read {@code active} from it), or 204
     * for Entra's default dialect (see {@link EntraDefaultDialect}) unless {@code attributes} were asked.
     */
    @Override
    public ScimResponse patch(
            RequestContext context, String id, JsonNode body, ExpectedVersion expected, AttributeSelection selection) {
        PatchRequest request = PatchRequest.parse(body);
        UserWithGroups user = patchUser.execute(new PatchUser.Command(
                context.tenant(),
                new UserId(id),
                ScimPatch.operations(request, ScimUserGroupCharacteristics.users(schemas.of(context.tenant()))),
                expected,
                context.cause()));
        if (selection.isEmpty() && EntraDefaultDialect.isUsedBy(request)) {
            return new ScimResponse(204, null, EntityTags.of(user.user().meta().version(), user.groups()), null);
        }
        return respond(200, context, user, selection);
    }

    @Override
    public ScimResponse delete(RequestContext context, String id, ExpectedVersion expected) {
        deleteUser.execute(new DeleteUser.Command(context.tenant(), new UserId(id), expected, context.cause()));
        return ScimResponse.noContent();
    }

    private ScimResponse respond(
            int status, RequestContext context, UserWithGroups user, AttributeSelection selection) {
        CustomSchema schema = schemas.of(context.tenant());
        Projection projection = Projection.of(selection.attributes(), selection.excludedAttributes());
        ObjectNode body =
                projection.apply(UserJson.write(user.user(), user.groups(), context.baseUrl(), schema), schema.users());
        return new ScimResponse(
                status,
                body,
                EntityTags.of(user.user().meta().version(), user.groups()),
                location(context, user.user()));
    }

    /** A user created a moment ago under a new id belongs to no group yet: nothing to look up. */
    private ScimResponse respondCreated(RequestContext context, User user, AttributeSelection selection) {
        return respond(201, context, new UserWithGroups(user, List.of()), selection);
    }

    private static String location(RequestContext context, User user) {
        return context.baseUrl() + "/Users/" + user.id().value();
    }
}
