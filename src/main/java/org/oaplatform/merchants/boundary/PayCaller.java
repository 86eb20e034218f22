package org.oaplatform.merchants.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.oaplatform.merchants.control.PayError;
import org.oaplatform.merchants.control.PaySignature;
import org.oaplatform.merchants.control.PaySignature.SignType;
import org.oaplatform.merchants.control.PayXml;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.platform.control.Ids;

/**
 * The merchant behind one {@code /pay} request and the answers it gets. Once the request's signature is verified,
 * every answer, an error included, is a business answer ({@code return_code} SUCCESS, {@code result_code} SUCCESS or
 * FAIL with {@code err_code}) signed with the merchant's key under the request's sign_type, as the SDKs check it.
 * Before that nothing proves the caller holds the key, so the answer is {@code return_code} FAIL and unsigned: signed
 * with a key the caller lacks, an SDK would report a bad answer instead of the request's real fault (SIGNERROR).
 */
@RequestScoped
public class PayCaller {

    /** A merchant whose key signed the request. */
    public record Admitted(long merchantId, long ledgerAccountId, long accountId, String mchId, String appid,
            String apiKey, SignType signType, boolean suspended) {
    }

    @Inject
    Merchants merchants;

    @Inject
    Ids ids;

    private Admitted admitted;

    /** The request's fields, from a merchant whose signature and appid check out. */
    public Map<String, String> admit(byte[] body) {
        Map<String, String> fields = PayXml.read(body);
        admitted = merchants.admit(fields);
        if (!admitted.appid().equals(fields.get("appid"))) {
            throw new BusinessException(PayError.APPID_MCHID_NOT_MATCH);
        }
        if (admitted.suspended()) {
            // Signed, like every answer to a verified request: the merchant's SDK shows NOAUTH, not a bad answer.
            throw new BusinessException(PayError.NOAUTH);
        }
        return fields;
    }

    public Admitted merchant() {
        if (admitted == null) {
            throw new IllegalStateException("the request was not admitted");
        }
        return admitted;
    }

    /** The HTTP answer to a request whose body {@code operation} handles once the caller is admitted. */
    public Response handle(byte[] body, BiFunction<Admitted, Map<String, String>, Map<String, String>> operation) {
        Map<String, String> fields = admit(body);
        return Response.ok(success(operation.apply(merchant(), fields)), PayErrorMapper.XML).build();
    }

    /** A successful answer with these business fields. */
    public String success(Map<String, String> business) {
        Map<String, String> answer = head();
        answer.put("result_code", "SUCCESS");
        answer.putAll(business);
        return signed(answer);
    }

    /** The answer to a request that failed with {@code error}. */
    public String failure(PayError error, String description) {
        if (admitted == null) {
            return unadmitted(error, description);
        }
        Map<String, String> answer = head();
        answer.put("result_code", "FAIL");
        answer.put("err_code", error.name());
        answer.put("err_code_des", description);
        return signed(answer);
    }

    /** The unsigned answer to a request whose signature was not verified; {@code err_code} helps the SDKs' users. */
    public static String unadmitted(PayError error, String description) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("return_code", "FAIL");
        answer.put("return_msg", description);
        answer.put("result_code", "FAIL");
        answer.put("err_code", error.name());
        answer.put("err_code_des", description);
        return PayXml.write(answer);
    }

    private Map<String, String> head() {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("return_code", "SUCCESS");
        answer.put("return_msg", "OK");
        answer.put("appid", admitted.appid());
        answer.put("mch_id", admitted.mchId());
        answer.put("nonce_str", ids.hex(16));
        return answer;
    }

    private String signed(Map<String, String> answer) {
        answer.values().removeIf(v -> v == null);
        answer.put(PaySignature.FIELD, PaySignature.sign(answer, admitted.signType(), admitted.apiKey()));
        return PayXml.write(answer);
    }
}
