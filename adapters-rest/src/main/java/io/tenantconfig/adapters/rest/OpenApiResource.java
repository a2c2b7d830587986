package io.tenantconfig.adapters.rest;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.tenantconfig.domain.FieldUpdate;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The OpenAPI 3 description of the API, generated from the resources' own annotations when the
 * service starts, so it cannot drift from them. Public: it describes, it does not reveal.
 */
@Path("/api/v1/openapi.json")
@Hidden
public final class OpenApiResource {

    static {
        ModelConverters.getInstance().addConverter(new ChangeAsItsValue());
    }

    private final String document;

    private OpenApiResource(String document) {
        this.document = document;
    }

    static OpenApiResource describing(Set<Class<?>> resources, String version) {
        OpenAPI base = new OpenAPI()
                .info(new Info()
                        .title("tenant-config")
                        .version(version)
                        .description("WhatsApp Business credentials of each tenant. Every endpoint needs "
                                + "Authorization: Bearer <JWT>; the tenant is always the token's."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
        OpenAPI api = new Reader(new SwaggerConfiguration().openAPI(base)).read(new LinkedHashSet<>(resources));
        return new OpenApiResource(Json.pretty(api));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String get() {
        return document;
    }

    /** Describes a request field of type {@code FieldUpdate<T>} as the {@code T} it carries. */
    private static final class ChangeAsItsValue implements ModelConverter {
        @Override
        public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
            JavaType javaType = Json.mapper().constructType(type.getType());
            if (javaType.getRawClass() == FieldUpdate.class) {
                return context.resolve(new AnnotatedType(javaType.containedType(0))
                        .ctxAnnotations(type.getCtxAnnotations())
                        .schemaProperty(type.isSchemaProperty())
                        .propertyName(type.getPropertyName())
                        .parent(type.getParent()));
            }
            return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
        }
    }
}
