package com.javelo.scim.core.protocol.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.javelo.scim.domain.group.Member;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * A large group's {@code members}, written straight from the store's cursor to the response as
 * it is serialised: a group of 100,000 never exists as one tree (or one string) in memory.
 */
final class StreamedMembers implements JsonSerializable {

    private final Consumer<Consumer<Member>> members;
    private final String baseUrl;

    StreamedMembers(Consumer<Consumer<Member>> members, String baseUrl) {
        this.members = members;
        this.baseUrl = baseUrl;
    }

    @Override
    public void serialize(JsonGenerator generator, SerializerProvider provider) throws IOException {
        generator.writeStartArray();
        try {
            members.accept(member -> {
                try {
                    generator.writeStartObject();
                    generator.writeStringField("value", member.userId().value());
                    generator.writeStringField(
                            "$ref", baseUrl + "/Users/" + member.userId().value());
                    generator.writeStringField("display", member.display());
                    generator.writeStringField("type", "User");
                    generator.writeEndObject();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        generator.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializerProvider provider, TypeSerializer type)
            throws IOException {
        serialize(generator, provider);
    }
}
