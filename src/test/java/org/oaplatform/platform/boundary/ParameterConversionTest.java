package org.oaplatform.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oaplatform.platform.control.FailureTranslation.Failure;
import org.oaplatform.platform.control.FailureTranslation.FieldError;
import org.oaplatform.platform.control.FailureTranslation;
import org.oaplatform.platform.control.PlatformError;
import org.oaplatform.platform.control.UnreadableParameter;

class ParameterConversionTest {

    enum Colour { RED, GREEN }

    @SuppressWarnings("unused")
    static class Resource {
        void list(@QueryParam("colour") Colour colour, @QueryParam("limit") @DefaultValue("20") int limit,
                @QueryParam("amount") Long amount, @HeaderParam("X-Count") Integer count,
                @QueryParam("bare") int bare, @PathParam("id") Long id, @QueryParam("text") String text) {
        }
    }

    private final ParameterConversion conversion = new ParameterConversion();

    @Test
    void enumsAreReadByNameAndAnUnknownNameListsTheAcceptedOnes() {
        ParamConverter<Colour> colour = converter("colour");
        assertEquals(Colour.GREEN, colour.fromString(" GREEN "));
        UnreadableParameter refused = assertThrows(UnreadableParameter.class, () -> colour.fromString("BLUE"));
        assertEquals("colour", refused.parameter());
        assertEquals("must be one of RED, GREEN", refused.getMessage());
    }

    @Test
    void wholeNumbersOfQueryAndHeaderParametersAreRefusedByName() {
        ParamConverter<Long> amount = converter("amount");
        assertEquals(150L, amount.fromString("150"));
        UnreadableParameter refused = assertThrows(UnreadableParameter.class, () -> amount.fromString("1.5"));
        assertEquals("amount", refused.parameter());
        assertEquals("must be a whole number", refused.getMessage());
        ParamConverter<Integer> limit = converter("limit");
        assertEquals(20, limit.fromString("20"));
        assertEquals("limit", assertThrows(UnreadableParameter.class, () -> limit.fromString("ten")).parameter());
        ParamConverter<Integer> count = converter("X-Count");
        assertEquals("X-Count", assertThrows(UnreadableParameter.class, () -> count.fromString("x")).parameter());
    }

    @Test
    void pathParametersPrimitivesWithoutDefaultAndStringsAreLeftToJaxRs() {
        assertNull(converter("id"), "a path parameter that does not convert stays not-found");
        assertNull(converter("bare"), "only JAX-RS knows to inject 0 for an absent primitive");
        assertNull(converter("text"));
    }

    @Test
    void anAbsentValueIsTheIllegalArgumentTheContractAsksFor() {
        assertThrows(IllegalArgumentException.class, () -> converter("colour").fromString(null));
        assertThrows(IllegalArgumentException.class, () -> converter("amount").fromString(null));
    }

    @Test
    void translationFindsTheParameterInsideWhateverTheImplementationWrappedItIn() {
        UnreadableParameter refused = new UnreadableParameter("limit", "must be a whole number");
        Failure failure = FailureTranslation.translate(
                new jakarta.ws.rs.NotFoundException(new RuntimeException(refused)), "rid-1");
        assertEquals(PlatformError.VALIDATION_FAILED, failure.code());
        assertEquals("limit: must be a whole number", failure.message());
        assertEquals(List.of(new FieldError("limit", "must be a whole number")), failure.fieldErrors());
    }

    @SuppressWarnings("unchecked")
    private <T> ParamConverter<T> converter(String name) {
        Method method = Arrays.stream(Resource.class.getDeclaredMethods()).filter(m -> m.getName().equals("list"))
                .findFirst().orElseThrow();
        for (Parameter parameter : method.getParameters()) {
            String declared = Arrays.stream(parameter.getAnnotations())
                    .map(a -> a instanceof QueryParam q ? q.value() : a instanceof HeaderParam h ? h.value()
                            : a instanceof PathParam p ? p.value() : null)
                    .filter(n -> n != null).findFirst().orElse(null);
            if (name.equals(declared)) {
                return (ParamConverter<T>) conversion.getConverter(parameter.getType(),
                        parameter.getParameterizedType(), parameter.getAnnotations());
            }
        }
        throw new IllegalArgumentException(name);
    }
}
