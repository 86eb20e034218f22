package org.oaplatform.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Application;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.oaplatform.ClientApi;
import org.oaplatform.WeChatApi;
import org.oaplatform.testsupport.Api;
import org.oaplatform.testsupport.Deployments;

/**
 * The very first {@code GET /openapi} after a deployment answers the whole document (Payara's generator used to fail
 * the first request with a 500, and then served what it had built until the failure). This class has a deployment of
 * its own and a single test, so that its request is the deployment's first; nothing else asks this deployment for
 * {@code /openapi}. Every resource method of both API surfaces must be in the document: the bad-input test walks it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void theFirstRequestAfterADeploymentGetsTheWholeDocument() {
        Api api = new Api(base);
        Api.Reply first = api.withHeader("Accept", "application/json").get("openapi");
        assertEquals(200, first.status(), first.text());
        JsonObject paths = first.json().getJsonObject("paths");
        List<String> missing = new ArrayList<>();
        for (Application application : List.of(new ClientApi(), new WeChatApi())) {
            String root = "/" + application.getClass().getAnnotation(ApplicationPath.class).value();
            for (Class<?> type : application.getClasses()) {
                Path typePath = type.getAnnotation(Path.class);
                if (typePath == null) {
                    continue; // filters and exception mappers
                }
                for (Method method : type.getMethods()) {
                    String verb = httpMethod(method);
                    if (verb == null) {
                        continue;
                    }
                    Path methodPath = method.getAnnotation(Path.class);
                    String path = join(root, typePath.value(), methodPath == null ? "" : methodPath.value());
                    JsonObject item = paths.getJsonObject(path);
                    if (item == null || !item.containsKey(verb.toLowerCase())) {
                        missing.add(verb + " " + path + " (" + type.getSimpleName() + "." + method.getName() + ")");
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "operations missing from /openapi: " + missing + "\nit has: " + paths.keySet());
        Api.Reply yaml = api.get("openapi");
        assertEquals(200, yaml.status(), yaml.text());
        assertTrue(yaml.text().contains("/api/v1/wallet/transfers:"), yaml.text());
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** JAX-RS path segments joined as OpenAPI writes them: single slashes, templates without their regex. */
    private static String join(String... segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            for (String part : segment.split("/")) {
                if (!part.isEmpty()) {
                    path.append('/').append(part.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}"));
                }
            }
        }
        return path.toString();
    }
}
