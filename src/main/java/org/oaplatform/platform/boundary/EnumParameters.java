package org.oaplatform.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.PlatformError;

/**
 * Reads request parameters of enum types by their constant names. An unknown name is refused with the names that
 * are accepted; JAX-RS's own conversion would only answer 404, as if the path did not exist.
 * {@link org.oaplatform.platform.control.FailureTranslation} adds the parameter's name to the message.
 */
@ApplicationScoped
public class EnumParameters implements ParamConverterProvider {

    @Override
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        return rawType.isEnum() ? new ByName<>(rawType) : null;
    }

    private static final class ByName<T> implements ParamConverter<T> {

        private final T[] constants;
        private final String accepted;

        ByName(Class<T> type) {
            constants = type.getEnumConstants();
            accepted = Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
        }

        @Override
        public T fromString(String value) {
            if (value == null) {
                // The JAX-RS contract for a converter asked to read nothing.
                throw new IllegalArgumentException("no value to convert");
            }
            String name = value.strip();
            for (T constant : constants) {
                if (((Enum<?>) constant).name().equals(name)) {
                    return constant;
                }
            }
            throw new BusinessException(PlatformError.VALIDATION_FAILED, "must be one of " + accepted);
        }

        @Override
        public String toString(T value) {
            return ((Enum<?>) value).name();
        }
    }
}
