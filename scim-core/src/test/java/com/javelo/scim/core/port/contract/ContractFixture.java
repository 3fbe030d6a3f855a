package com.javelo.scim.core.port.contract;

import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.tenant.Tenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every port contract suite: an adapter under test supplies {@link #newPorts()}; each
 * test gets fresh ports, two tenants, and a clock that moves one millisecond per call.
 */
public abstract class ContractFixture {

    private static final Instant START = Instant.parse("2026-01-01T09:00:00Z");

    protected PortsUnderTest ports;
    protected TenantId acme;
    protected TenantId globex;
    private final AtomicLong ticks = new AtomicLong();

    /** @return adapters over an empty store, isolated from every other test */
    protected abstract PortsUnderTest newPorts();

    @BeforeEach
    void freshPortsAndTenants() {
        ports = newPorts();
        acme = tenant("Acme");
        globex = tenant("Globex");
    }

    protected TenantId tenant(String name) {
        Tenant tenant = new Tenant(new TenantId(UUID.randomUUID().toString()), name, now());
        ports.tenants().insert(tenant);
        return tenant.id();
    }

    /** @return a strictly increasing instant, whole milliseconds (what every store keeps) */
    protected Instant now() {
        return START.plus(ticks.incrementAndGet(), ChronoUnit.MILLIS);
    }
}
