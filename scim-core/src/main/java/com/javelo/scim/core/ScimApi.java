package com.javelo.scim.core;

import com.javelo.scim.core.endpoint.BulkEndpoint;
import com.javelo.scim.core.endpoint.DiscoveryEndpoint;
import com.javelo.scim.core.endpoint.EndpointSettings;
import com.javelo.scim.core.endpoint.GroupEndpoint;
import com.javelo.scim.core.endpoint.SearchEndpoint;
import com.javelo.scim.core.endpoint.UserEndpoint;
import com.javelo.scim.core.port.ApiTokens;
import com.javelo.scim.core.port.CustomSchemas;
import com.javelo.scim.core.port.Groups;
import com.javelo.scim.core.port.IdGenerator;
import com.javelo.scim.core.port.UnitOfWork;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.paging.CursorCodec;
import com.javelo.scim.core.usecase.group.CreateGroup;
import com.javelo.scim.core.usecase.group.DeleteGroup;
import com.javelo.scim.core.usecase.group.PatchGroup;
import com.javelo.scim.core.usecase.group.ReplaceGroup;
import com.javelo.scim.core.usecase.tenant.AuthenticateTenant;
import com.javelo.scim.core.usecase.user.CreateUser;
import com.javelo.scim.core.usecase.user.DeleteUser;
import com.javelo.scim.core.usecase.user.ImportPeople;
import com.javelo.scim.core.usecase.user.PatchUser;
import com.javelo.scim.core.usecase.user.ReplaceUser;
import java.time.Clock;

/** Everything an HTTP adapter needs to serve SCIM, wired once by the application. */
public record ScimApi(
        UserEndpoint users,
        GroupEndpoint groups,
        SearchEndpoint search,
        BulkEndpoint bulk,
        DiscoveryEndpoint discovery,
        AuthenticateTenant authentication,
        ImportPeople importPeople) {

    /**
     * Wires the use cases and endpoints over a set of outbound adapters. For example, with the
     * in-memory adapters: {@code ScimApi.wire(new ScimPorts(a.users(), a.groups(), a.apiTokens(),
     * a.unitOfWork(), IdGenerator.randomUuids(), Clock.systemUTC()), EndpointSettings.DEFAULTS)}.
     */
    public static ScimApi wire(ScimPorts ports, EndpointSettings settings) {
        return wire(ports, settings, CursorCodec.withRandomKey(ports.clock(), settings.cursorTimeout()));
    }

    /**
     * Like {@link #wire(ScimPorts, EndpointSettings)}, with the codec of the cursors (RFC 9865):
     * several instances must share its key for a cursor from one to be read by another.
     */
    public static ScimApi wire(ScimPorts ports, EndpointSettings settings, CursorCodec cursors) {
        Users users = ports.users();
        Groups groups = ports.groups();
        UnitOfWork unitOfWork = ports.unitOfWork();
        Clock clock = ports.clock();
        IdGenerator ids = ports.ids();
        CustomSchemas schemas = ports.customSchemas();
        CreateUser createUser = new CreateUser(users, unitOfWork, ids, clock, schemas);
        ReplaceUser replaceUser = new ReplaceUser(users, unitOfWork, clock, schemas);
        UserEndpoint userEndpoint = new UserEndpoint(
                users,
                createUser,
                replaceUser,
                new PatchUser(users, unitOfWork, clock, schemas),
                new DeleteUser(users, unitOfWork, clock),
                settings,
                cursors,
                schemas);
        GroupEndpoint groupEndpoint = new GroupEndpoint(
                groups,
                new CreateGroup(users, groups, unitOfWork, ids, clock),
                new ReplaceGroup(users, groups, unitOfWork, clock),
                new PatchGroup(users, groups, unitOfWork, clock),
                new DeleteGroup(groups, unitOfWork, clock),
                settings,
                cursors);
        return new ScimApi(
                userEndpoint,
                groupEndpoint,
                new SearchEndpoint(userEndpoint, groupEndpoint, settings),
                new BulkEndpoint(userEndpoint, groupEndpoint, settings),
                new DiscoveryEndpoint(settings, schemas),
                new AuthenticateTenant(ports.apiTokens()),
                new ImportPeople(users, unitOfWork, createUser, replaceUser, schemas));
    }

    /** The outbound ports SCIM needs. */
    public record ScimPorts(
            Users users,
            Groups groups,
            ApiTokens apiTokens,
            UnitOfWork unitOfWork,
            IdGenerator ids,
            Clock clock,
            CustomSchemas customSchemas) {

        /** The ports of an embedding where no company declares custom attributes. */
        public ScimPorts(
                Users users, Groups groups, ApiTokens apiTokens, UnitOfWork unitOfWork, IdGenerator ids, Clock clock) {
            this(users, groups, apiTokens, unitOfWork, ids, clock, CustomSchemas.NONE);
        }
    }
}
