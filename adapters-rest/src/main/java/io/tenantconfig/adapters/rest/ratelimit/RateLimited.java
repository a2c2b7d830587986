package io.tenantconfig.adapters.rest.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a resource (or one of its methods) as limited by one of the {@link RateLimitPolicy} kinds. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RateLimited {

    RateLimitPolicy.Kind value();
}
