package com.javelo.scim.core.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.core.port.Groups;
import com.javelo.scim.core.port.Page;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.protocol.etag.EntityTags;
import com.javelo.scim.core.protocol.json.GroupJson;
import com.javelo.scim.core.protocol.paging.CursorCodec;
import com.javelo.scim.core.protocol.paging.KeysetPosition;
import com.javelo.scim.core.protocol.patch.PatchRequest;
import com.javelo.scim.core.protocol.patch.ScimPatch;
import com.javelo.scim.core.protocol.projection.Projection;
import com.javelo.scim.core.protocol.schema.AttributePath;
import com.javelo.scim.core.protocol.schema.ResourceSchema;
import com.javelo.scim.core.protocol.schema.ScimUserGroupCharacteristics;
import com.javelo.scim.core.usecase.group.CreateGroup;
import com.javelo.scim.core.usecase.group.DeleteGroup;
import com.javelo.scim.core.usecase.group.PatchGroup;
import com.javelo.scim.core.usecase.group.ReplaceGroup;
import com.javelo.scim.domain.error.UnknownGroup;
import com.javelo.scim.domain.group.Group;
import com.javelo.scim.domain.group.Member;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.resource.ExpectedVersion;
import java.util.function.Consumer;

/** The SCIM protocol for /Groups, independent of HTTP: parses, runs the use case, renders. */
public final class GroupEndpoint implements ResourceEndpoint {

    private static final AttributePath MEMBERS = AttributePath.of("members");
    /** Above this many members, they are streamed into the response rather than built as a tree. */
    static final int STREAMING_THRESHOLD = 1000;

    private final Groups groups;
    private final CreateGroup createGroup;
    private final ReplaceGroup replaceGroup;
    private final PatchGroup patchGroup;
    private final DeleteGroup deleteGroup;
    private final EndpointSettings settings;
    private final CursorCodec cursors;

    public GroupEndpoint(
            Groups groups,
            CreateGroup createGroup,
            ReplaceGroup replaceGroup,
            PatchGroup patchGroup,
            DeleteGroup deleteGroup,
            EndpointSettings settings,
            CursorCodec cursors) {
        this.groups = groups;
        this.createGroup = createGroup;
        this.replaceGroup = replaceGroup;
        this.patchGroup = patchGroup;
        this.deleteGroup = deleteGroup;
        this.settings = settings;
        this.cursors = cursors;
    }

    @Override
    public ScimResponse list(RequestContext context, ListParameters parameters) {
        ListRequests.Parsed parsed = ListRequests.parse(parameters, settings, cursors, context.tenant(), "Groups");
        Projection projection = Projection.of(parameters.attributes(), parameters.excludedAttributes());
        ResourceQuery query = ResourceFilters.groups(parsed.query());
        Page<Group> page = groups.query(context.tenant(), query);
        return ScimResponse.ok(ListRequests.listResponse(
                parsed,
                page,
                group -> render(context, group, projection),
                ListRequests.positions(
                        query,
                        group -> new KeysetPosition(
                                group.meta().created(), group.id().value()),
                        // Members are not sortable: the group's own attributes are enough.
                        group -> GroupJson.write(group, context.baseUrl(), null)),
                cursors,
                context.tenant()));
    }

    /** POST /Groups/.search (RFC 7644 §3.4.3). */
    @Override
    public ScimResponse search(RequestContext context, JsonNode searchRequest) {
        return list(context, ListRequests.fromSearchRequest(searchRequest));
    }

    @Override
    public ScimResponse get(RequestContext context, String id, AttributeSelection selection) {
        Group group = groups.findById(context.tenant(), new GroupId(id)).orElseThrow(() -> new UnknownGroup(id));
        return respond(200, context, group, selection);
    }

    @Override
    public ScimResponse create(RequestContext context, JsonNode body, AttributeSelection selection) {
        Group group =
                createGroup.execute(new CreateGroup.Command(context.tenant(), GroupJson.read(body), context.cause()));
        return respond(201, context, group, selection);
    }

    @Override
    public ScimResponse replace(
            RequestContext context, String id, JsonNode body, ExpectedVersion expected, AttributeSelection selection) {
        Group group = replaceGroup.execute(new ReplaceGroup.Command(
                context.tenant(), new GroupId(id), GroupJson.read(body), expected, context.cause()));
        return respond(200, context, group, selection);
    }

    /**
     * Group PATCH answers 204 unless the request names {@code attributes} (RFC 7644 §3.5.2; Entra
     * asks for it): a membership change must never answer with a body that grows with the group.
     */
    @Override
    public ScimResponse patch(
            RequestContext context, String id, JsonNode body, ExpectedVersion expected, AttributeSelection selection) {
        Group group = patchGroup.execute(new PatchGroup.Command(
                context.tenant(),
                new GroupId(id),
                ScimPatch.planGroup(PatchRequest.parse(body), ScimUserGroupCharacteristics.groups()),
                expected,
                context.cause()));
        if (selection.isEmpty()) {
            return new ScimResponse(204, null, EntityTags.of(group.meta().version()), null);
        }
        return respond(200, context, group, selection);
    }

    @Override
    public ScimResponse delete(RequestContext context, String id, ExpectedVersion expected) {
        deleteGroup.execute(new DeleteGroup.Command(context.tenant(), new GroupId(id), expected, context.cause()));
        return ScimResponse.noContent();
    }

    private ScimResponse respond(int status, RequestContext context, Group group, AttributeSelection selection) {
        Projection projection = Projection.of(selection.attributes(), selection.excludedAttributes());
        return new ScimResponse(
                status,
                render(context, group, projection),
                EntityTags.of(group.meta().version()),
                context.baseUrl() + "/Groups/" + group.id().value());
    }

    // excludedAttributes=members (Entra) never reads the members at all.
    private ObjectNode render(RequestContext context, Group group, Projection projection) {
        if (!projection.includes(MEMBERS, ResourceSchema.GROUP)) {
            return projection.apply(GroupJson.write(group, context.baseUrl(), null), ResourceSchema.GROUP);
        }
        Consumer<Consumer<Member>> members = consumer -> groups.forEachMember(context.tenant(), group.id(), consumer);
        boolean large = groups.countMembers(context.tenant(), group.id()) > STREAMING_THRESHOLD;
        return projection.apply(GroupJson.write(group, context.baseUrl(), members, large), ResourceSchema.GROUP);
    }
}
