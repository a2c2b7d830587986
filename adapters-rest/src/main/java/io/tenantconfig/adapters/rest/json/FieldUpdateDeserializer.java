package io.tenantconfig.adapters.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.tenantconfig.domain.FieldUpdate;
import java.io.IOException;

/**
 * Reads a request field declared as {@code FieldUpdate<T>}: a field the body leaves out is
 * {@link FieldUpdate#keep()}, {@code null} is {@link FieldUpdate#clear()}, and a value is read as {@code T}
 * by Jackson's own deserializer for it (and refused by it when it has the wrong type).
 */
final class FieldUpdateDeserializer extends StdDeserializer<FieldUpdate<?>> implements ContextualDeserializer {

    private final JsonDeserializer<Object> value;

    FieldUpdateDeserializer() {
        this(null);
    }

    private FieldUpdateDeserializer(JsonDeserializer<Object> value) {
        super(FieldUpdate.class);
        this.value = value;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
            throws JsonMappingException {
        JavaType type = property != null ? property.getType() : ctxt.getContextualType();
        return new FieldUpdateDeserializer(ctxt.findContextualValueDeserializer(type.containedType(0), property));
    }

    @Override
    public FieldUpdate<?> deserialize(JsonParser parser, DeserializationContext ctxt) throws IOException {
        return FieldUpdate.to(value.deserialize(parser, ctxt));
    }

    @Override
    public FieldUpdate<?> getNullValue(DeserializationContext ctxt) {
        return FieldUpdate.clear();
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
        return FieldUpdate.keep();
    }
}
