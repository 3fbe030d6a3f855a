package com.javelo.scim.core.protocol.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.javelo.scim.domain.event.DomainEvent;
import com.javelo.scim.domain.id.GroupId;
import com.javelo.scim.domain.id.TenantId;
import com.javelo.scim.domain.id.UserId;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The outbox form of a {@link DomainEvent}: a flat JSON object of the event's components (ids as
 * strings, instants in ISO-8601), named by {@link DomainEvent#type()}. Generic over the sealed
 * set, so a new event type needs no change here.
 *
 * <p>For example: {@code {"tenantId":"t1","userId":"u1","occurredAt":"2026-11-28T10:00:00Z"}}
 * for a {@code UserDeactivated}.
 */
public final class DomainEventJson {

    /** Each event type's components, looked up once (every change writes an event). */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private DomainEventJson() {}

    public static String write(DomainEvent event) {
        ObjectNode node = ScimJson.nodes().objectNode();
        for (RecordComponent component : COMPONENTS.get(event.getClass())) {
            Object value = read(component, event);
            if (value instanceof Collection<?> values) {
                ArrayNode array = node.putArray(component.getName());
                values.stream().map(String::valueOf).sorted().forEach(array::add);
            } else if (value != null) {
                node.put(component.getName(), value.toString());
            }
        }
        return node.toString();
    }

    public static DomainEvent read(String type, String json) {
        Class<?> eventClass = eventClass(type);
        try {
            JsonNode node = ScimJson.mapper().readTree(json);
            RecordComponent[] components = eventClass.getRecordComponents();
            Class<?>[] types = new Class<?>[components.length];
            Object[] args = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = convert(components[i], node.get(components[i].getName()));
            }
            Constructor<?> constructor = eventClass.getDeclaredConstructor(types);
            return (DomainEvent) constructor.newInstance(args);
        } catch (JsonProcessingException | ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read stored event of type " + type, e);
        }
    }

    private static Class<?> eventClass(String type) {
        for (Class<?> candidate : DomainEvent.class.getPermittedSubclasses()) {
            if (candidate.getSimpleName().equals(type)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown event type " + type);
    }

    private static Object convert(RecordComponent component, JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        Class<?> type = component.getType();
        if (Set.class.equals(type)) {
            Class<?> element = (Class<?>) ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
            Set<Object> values = new LinkedHashSet<>();
            value.forEach(item -> values.add(scalar(element, item.asText())));
            return values;
        }
        return scalar(type, value.asText());
    }

    private static Object scalar(Class<?> type, String text) {
        if (type.equals(TenantId.class)) {
            return new TenantId(text);
        }
        if (type.equals(UserId.class)) {
            return new UserId(text);
        }
        if (type.equals(GroupId.class)) {
            return new GroupId(text);
        }
        if (type.equals(Instant.class)) {
            return Instant.parse(text);
        }
        return text;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        }
    }
}
