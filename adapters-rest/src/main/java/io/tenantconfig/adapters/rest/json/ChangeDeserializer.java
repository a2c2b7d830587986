package io.tenantconfig.adapters.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.tenantconfig.domain.Change;
import java.io.IOException;

/**
 * Reads a request field declared as {@code Change<T>}: a field the body leaves out is
 * {@link Change#keep()}, {@code null} is {@link Change#clear()}, and a value is read as {@code T}
 * by Jackson's own deserializer for it (and refused by it when it has the wrong type).
 */
final class ChangeDeserializer extends StdDeserializer<Change<?>> implements ContextualDeserializer {

    private final JsonDeserializer<Object> value;

    ChangeDeserializer() {
        this(null);
    }

    private ChangeDeserializer(JsonDeserializer<Object> value) {
        super(Change.class);
        this.value = value;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        JavaType type = property != null ? property.getType() : ctxt.getContextualType();
        return new ChangeDeserializer(ctxt.findContextualValueDeserializer(type.containedType(0), property));
    }

    @Override
    public Change<?> deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
        return Change.to(value.deserialize(parser, ctxt));
    }

    @Override
    public Change<?> getNullValue(DeserializationContext ctxt) {
        return Change.clear();
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return Change.keep();
    }
}
