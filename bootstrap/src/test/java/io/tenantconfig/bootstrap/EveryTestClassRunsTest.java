package io.tenantconfig.bootstrap;

import io.tenantconfig.testing.EveryTestClassRunsCheck;

/** Surefire runs every test class of this module: none is named so that it would be skipped. */
class EveryTestClassRunsTest extends EveryTestClassRunsCheck {}
