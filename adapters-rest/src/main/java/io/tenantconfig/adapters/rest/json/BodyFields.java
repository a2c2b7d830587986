package io.tenantconfig.adapters.rest.json;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Says what a request body is, for the messages that refuse a field it does not have: "callbak_url
 * is not a field of a tenant configuration", "tenant_id is read-only and cannot be set".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface BodyFields {

    /** What the body describes, e.g. "a tenant configuration". */
    String of();

    /** Fields the API shows in its answers but nobody sets through this body. */
    String[] readOnly() default {};
}
