package org.oaplatform.platform.control;

/**
 * A query, header, form, matrix or cookie parameter whose value does not convert to its declared type. Thrown by
 * the client API's parameter converters, which know the parameter's name from its annotation; whatever the JAX-RS
 * implementation wraps it in, {@link FailureTranslation} finds it and answers {@code validation-failed} naming the
 * parameter.
 */
public class UnreadableParameter extends RuntimeException {

    private final String parameter;

    public UnreadableParameter(String parameter, String reason) {
        super(reason, null, false, false);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
