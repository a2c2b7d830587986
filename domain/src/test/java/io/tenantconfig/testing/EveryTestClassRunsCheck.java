package io.tenantconfig.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;

/**
 * Every class of this module that holds tests is one that Surefire runs. Surefire picks test
 * classes by name ({@code Test*}, {@code *Test}, {@code *Tests}, {@code *TestCase}); a class
 * named otherwise compiles, and its tests are skipped without a word. Each module has a subclass.
 */
public abstract class EveryTestClassRunsCheck {

    /** Surefire's default includes, as simple class names. */
    private static final Pattern SUREFIRE_RUNS = Pattern.compile("Test.*|.*Test|.*Tests|.*TestCase");

    @Test
    void every_class_with_tests_has_a_name_surefire_runs() throws Exception {
        Path testClasses = Path.of(
                getClass().getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> withTests = classesWithTests(testClasses);

        assertThat(withTests)
                .as("test classes found in " + testClasses.getFileName())
                .isNotEmpty();
        assertThat(withTests)
                .as("classes with tests that Surefire would skip (rename them)")
                .allMatch(name -> SUREFIRE_RUNS
                        .matcher(name.substring(name.lastIndexOf('.') + 1))
                        .matches());
    }

    private List<String> classesWithTests(Path root) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains("$")) {
                    continue; // nested classes run with (or are helpers of) their outer class
                }
                Class<?> type = loaded(name);
                if (type != null && !Modifier.isAbstract(type.getModifiers()) && hasTests(type)) {
                    found.add(name);
                }
            }
        }
        return found;
    }

    private Class<?> loaded(String name) {
        try {
            return Class.forName(name, false, getClass().getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** A method or field annotated, directly or through its annotations, with JUnit's {@code @Testable}. */
    private static boolean hasTests(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (AnnotatedElement member : c.getDeclaredMethods()) {
                if (testable(member)) {
                    return true;
                }
            }
            for (AnnotatedElement member : c.getDeclaredFields()) {
                if (testable(member)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean testable(AnnotatedElement member) {
        for (Annotation annotation : member.getAnnotations()) {
            if (isTestable(annotation.annotationType(), new HashSet<>())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTestable(Class<? extends Annotation> type, Set<Class<?>> seen) {
        if (type == Testable.class) {
            return true;
        }
        if (!seen.add(type)) {
            return false;
        }
        for (Annotation meta : type.getAnnotations()) {
            if (isTestable(meta.annotationType(), seen)) {
                return true;
            }
        }
        return false;
    }
}
