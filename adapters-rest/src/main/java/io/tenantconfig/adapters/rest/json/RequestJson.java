package io.tenantconfig.adapters.rest.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.tenantconfig.domain.FieldUpdate;

/**
 * How the API reads request bodies: strictly. A field given twice, a field the body does not
 * have, and a value of the wrong JSON type are each refused, never guessed at (a second
 * {@code access_token} must not slip past a review of the first; {@code "true"} is not
 * {@code true}, and {@code 123} is not the id {@code "123"}, which JavaScript would round).
 */
public final class RequestJson {

    /** What a request body that is missing, or not an object, is told. */
    public static final String MUST_BE_AN_OBJECT = "must be a JSON object";

    private RequestJson() {}

    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        for (CoercionInputShape shape : new CoercionInputShape[] {
            CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
        }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        for (CoercionInputShape shape : new CoercionInputShape[] {
            CoercionInputShape.String, CoercionInputShape.Float, CoercionInputShape.Boolean
        }) {
            mapper.coercionConfigFor(LogicalType.Integer).setCoercion(shape, CoercionAction.Fail);
        }
        SimpleModule changes = new SimpleModule("partial-updates");
        changes.addDeserializer(FieldUpdate.class, new FieldUpdateDeserializer());
        return mapper.registerModule(changes);
    }
}
