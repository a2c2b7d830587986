package io.tenantconfig.bootstrap.credentials;

import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/** {@code POST /tasks/reload-fallback} on the admin port: reads the {@code .env} file again. */
public final class ReloadFallbackTask extends Task {

    private final EnvironmentFallback fallback;

    public ReloadFallbackTask(EnvironmentFallback fallback) {
        super("reload-fallback");
        this.fallback = fallback;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        fallback.reload();
        output.println("Fallback credentials reloaded.");
    }
}
