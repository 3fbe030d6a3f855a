package com.javelo.scim.domain.user;

import com.javelo.scim.domain.resource.CaseFolding;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Values of the attributes a company declared for itself (Javelo's user extension), by attribute
 * name as declared, each value in its canonical text form ({@code "true"}, {@code "42"},
 * {@code "2024-05-01T00:00:00Z"}, the string as sent). The declaration gives them their type when
 * they are rendered, validated or compared; here they are only kept.
 *
 * <p>A value whose attribute is no longer declared is hidden, not lost: it stays with the person
 * (a PUT or PATCH that cannot see it keeps it, {@link #keepingHidden}) and shows again when the
 * attribute is declared again.
 */
public record CustomAttributes(Map<String, List<String>> values) {

    public static final CustomAttributes NONE = new CustomAttributes(Map.of());

    public CustomAttributes {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        values.forEach((name, list) -> {
            if (list != null && !list.isEmpty()) {
                copy.put(name, List.copyOf(list));
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** @return the values of {@code name}, compared ignoring case (RFC 7643 §2.1) */
    public Optional<List<String>> get(String name) {
        return values.entrySet().stream()
                .filter(entry -> key(entry.getKey()).equals(key(name)))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /**
     * @return these values plus those of {@code previous} whose attribute is not declared any more
     *     ({@code declared} says which names are): a change that cannot see hidden values keeps them
     */
    public CustomAttributes keepingHidden(CustomAttributes previous, Predicate<String> declared) {
        Map<String, List<String>> kept = new LinkedHashMap<>(values);
        previous.values.forEach((name, list) -> {
            if (!declared.test(name) && get(name).isEmpty()) {
                kept.put(name, list);
            }
        });
        return new CustomAttributes(kept);
    }

    /** @return the comparison key of an attribute name (names are case-insensitive) */
    public static String key(String name) {
        return CaseFolding.fold(name);
    }
}
