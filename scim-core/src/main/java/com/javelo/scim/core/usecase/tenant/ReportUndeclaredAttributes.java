package com.javelo.scim.core.usecase.tenant;

import com.javelo.scim.core.port.Page;
import com.javelo.scim.core.port.ResourceQuery;
import com.javelo.scim.core.port.Users;
import com.javelo.scim.core.protocol.json.UserJson;
import com.javelo.scim.core.protocol.paging.KeysetPosition;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.user.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which attributes nobody declared a company's identity provider sends (issue #15), so that the
 * company can declare them or fix its mapping: each path, how many people carry it, and the
 * oldest and newest last change among those people (when it was seen first and last, as far as
 * the people who carry it now tell). Reads the company's people a page at a time, in key order.
 */
public final class ReportUndeclaredAttributes {

    private static final int PAGE = 1_000;

    /** One undeclared attribute: {@code hireDate}, or {@code urn:…:User:site} under an undeclared extension. */
    public record Undeclared(String path, long users, Instant firstSeen, Instant lastSeen) {}

    private final Users users;

    public ReportUndeclaredAttributes(Users users) {
        this.users = users;
    }

    public List<Undeclared> execute(TenantId tenant) {
        Map<String, Undeclared> found = new LinkedHashMap<>();
        KeysetPosition after = null;
        while (true) {
            Page<User> page = users.query(tenant, ResourceQuery.keyset(null, after, PAGE));
            for (User user : page.items()) {
                Instant seen = user.meta().lastModified();
                for (String path : UserJson.carriedPaths(user.profile())) {
                    found.merge(
                            path,
                            new Undeclared(path, 1, seen, seen),
                            (a, b) -> new Undeclared(
                                    path,
                                    a.users() + 1,
                                    a.firstSeen().isBefore(seen) ? a.firstSeen() : seen,
                                    a.lastSeen().isAfter(seen) ? a.lastSeen() : seen));
                }
            }
            if (page.items().size() < PAGE) {
                return new ArrayList<>(found.values());
            }
            User last = page.items().get(page.items().size() - 1);
            after = new KeysetPosition(last.meta().created(), last.id().value());
        }
    }
}
