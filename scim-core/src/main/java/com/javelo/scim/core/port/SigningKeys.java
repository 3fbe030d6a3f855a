package com.javelo.scim.core.port;

import java.time.Instant;
import java.util.function.Supplier;

/** Where the key that signs the event feed's SETs is kept, so every instance and restart signs alike. */
public interface SigningKeys {

    /**
     * @param newKey makes a key (a JWK, private part included) when none is kept yet
     * @return the key kept: the first one ever stored, whichever instance stored it
     */
    String loadOrCreate(Supplier<String> newKey, Instant now);
}
