package io.tenantconfig.adapters.rest;

import io.tenantconfig.testing.NoSecretInLogsCheck;
import org.junit.jupiter.api.Order;

/** Runs after every other test class of this module: none of them made the service log a secret. */
@Order(Integer.MAX_VALUE)
class NoSecretInLogsTest extends NoSecretInLogsCheck {}
