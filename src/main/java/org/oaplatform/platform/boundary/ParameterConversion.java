package org.oaplatform.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.oaplatform.platform.control.UnreadableParameter;

/**
 * Converts the typed request parameters of the client API (enums by their constant names, whole numbers) and refuses
 * a value that does not convert with an {@link UnreadableParameter} naming the parameter, and for an enum the names
 * it accepts. JAX-RS's own conversion would answer 404, as if the path did not exist, and only the implementation
 * knows which parameter failed (Jersey's {@code ParamException}); here the name comes from the parameter's own
 * annotation, so the WAR answers the same on any JAX-RS implementation.
 * <p>
 * Path parameters are left to JAX-RS: one that does not convert means no such resource. A primitive parameter is
 * only taken when it declares a {@link DefaultValue}, because for an absent one without it only the implementation
 * knows to inject zero. Other types are best read as strings and parsed by the resource, which can then name the
 * parameter itself.
 */
@ApplicationScoped
public class ParameterConversion implements ParamConverterProvider {

    static final String WHOLE_NUMBER = "must be a whole number";

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        boolean primitiveAllowed = Arrays.stream(annotations).anyMatch(DefaultValue.class::isInstance);
        if (rawType.isEnum()) {
            return new ByName<>(rawType, name);
        }
        if (rawType == Long.class || rawType == long.class && primitiveAllowed) {
            return (ParamConverter<T>) new WholeNumber<>(name, Long::valueOf);
        }
        if (rawType == Integer.class || rawType == int.class && primitiveAllowed) {
            return (ParamConverter<T>) new WholeNumber<>(name, Integer::valueOf);
        }
        return null;
    }

    private static String parameterName(Annotation[] annotations) {
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                return query.value();
            } else if (annotation instanceof HeaderParam header) {
                return header.value();
            } else if (annotation instanceof FormParam form) {
                return form.value();
            } else if (annotation instanceof CookieParam cookie) {
                return cookie.value();
            } else if (annotation instanceof MatrixParam matrix) {
                return matrix.value();
            }
        }
        return null;
    }

    private static void requireValue(String value) {
        if (value == null) {
            // The JAX-RS contract for a converter asked to read nothing.
            throw new IllegalArgumentException("no value to convert");
        }
    }

    private record WholeNumber<N extends Number>(String name, Function<String, N> parse) implements ParamConverter<N> {

        @Override
        public N fromString(String value) {
            requireValue(value);
            try {
                return parse.apply(value);
            } catch (NumberFormatException notWhole) {
                throw new UnreadableParameter(name, WHOLE_NUMBER);
            }
        }

        @Override
        public String toString(N value) {
            return value.toString();
        }
    }

    private static final class ByName<T> implements ParamConverter<T> {

        private final String name;
        private final T[] constants;
        private final String accepted;

        ByName(Class<T> type, String name) {
            this.name = name;
            constants = type.getEnumConstants();
            accepted = Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        }

        @Override
        public T fromString(String value) {
            requireValue(value);
            String wanted = value.strip();
            for (T constant : constants) {
                if (((Enum<?>) constant).name().equals(wanted)) {
                    return constant;
                }
            }
            throw new UnreadableParameter(name, "must be one of " + accepted);
        }

        @Override
        public String toString(T value) {
            return ((Enum<?>) value).name();
        }
    }
}
