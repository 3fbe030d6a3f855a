package com.javelo.scim.core.inmemory;

import com.javelo.scim.core.port.ActivityEntry;
import com.javelo.scim.core.port.ActivityLog;
import com.javelo.scim.core.port.ActivityQuery;
import com.javelo.scim.core.port.ReadCount;
import com.javelo.scim.domain.id.TenantId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The activity log in memory, for tests and embedding. It is not part of a unit of work: like
 * the database log, it is written in the background, apart from the changes it describes.
 */
public final class InMemoryActivityLog implements ActivityLog {

    private record Minute(TenantId tenant, Instant minute) {}

    private final List<ActivityEntry> entries = new ArrayList<>();
    private final Map<Minute, Long> reads = new HashMap<>();
    private long lastId;

    @Override
    public synchronized void append(List<ActivityEntry> batch) {
        batch.forEach(entry -> entries.add(entry.withId(++lastId)));
    }

    @Override
    public synchronized void countReads(List<ReadCount> counts) {
        counts.forEach(count -> reads.merge(new Minute(count.tenant(), count.minute()), count.reads(), Long::sum));
    }

    @Override
    public synchronized List<ActivityEntry> page(TenantId tenant, ActivityQuery query) {
        return entries.stream()
                .filter(entry -> entry.tenant().equals(tenant))
                .filter(entry -> !query.errorsOnly() || entry.failed())
                .filter(entry -> query.before() == null || entry.id() < query.before())
                .sorted(Comparator.comparingLong(ActivityEntry::id).reversed())
                .limit(query.limit())
                .toList();
    }

    @Override
    public synchronized long readsSince(TenantId tenant, Instant since) {
        return reads.entrySet().stream()
                .filter(count -> count.getKey().tenant().equals(tenant)
                        && !count.getKey().minute().isBefore(since))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    @Override
    public synchronized long purge(Instant before, int keepPerTenant) {
        int size = entries.size();
        entries.removeIf(entry -> entry.occurredAt().isBefore(before));
        Map<TenantId, Long> kept = new HashMap<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (kept.merge(entries.get(i).tenant(), 1L, Long::sum) > keepPerTenant) {
                entries.remove(i);
            }
        }
        reads.keySet().removeIf(minute -> minute.minute().isBefore(before));
        return size - entries.size();
    }
}
