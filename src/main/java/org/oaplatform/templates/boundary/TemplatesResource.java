package org.oaplatform.templates.boundary;

import static org.oaplatform.platform.control.JsonSupport.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.oaplatform.officialaccounts.control.Capability;
import org.oaplatform.platform.control.BusinessException;
import org.oaplatform.templates.control.Industry;
import org.oaplatform.templates.control.TemplateError;
import org.oaplatform.wechatapi.boundary.CallingAccount;
import org.oaplatform.wechatapi.boundary.CgiEndpoint;
import org.oaplatform.wechatapi.control.WeChatJson;

/** The template library API of spec §5.2, for verified service accounts (48001 otherwise). */
@Path("template")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
@Consumes(MediaType.WILDCARD)
public class TemplatesResource {

    static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";

    @Inject
    Templates templates;

    @Inject
    CallingAccount caller;

    @POST
    @Path("api_set_industry")
    @CgiEndpoint(path = "/cgi-bin/template/api_set_industry", dailyQuota = 1_000,
            capability = Capability.TEMPLATE_MESSAGES)
    public String setIndustry(String body) {
        JsonObject request = WeChatJson.parseObject(body);
        templates.setIndustries(caller.account(), WeChatJson.string(request, "industry_id1"),
                WeChatJson.string(request, "industry_id2"));
        return OK;
    }

    @GET
    @Path("get_industry")
    @CgiEndpoint(path = "/cgi-bin/template/get_industry", dailyQuota = 10_000, capability = Capability.TEMPLATE_MESSAGES)
    public String industry() {
        JsonObjectBuilder answer = JSON.createObjectBuilder();
        templates.industries(caller.account()).ifPresent(chosen -> answer
                .add("primary_industry", industry(chosen.primary()))
                .add("secondary_industry", industry(chosen.secondary())));
        return answer.build().toString();
    }

    @POST
    @Path("api_add_template")
    @CgiEndpoint(path = "/cgi-bin/template/api_add_template", dailyQuota = 1_000,
            capability = Capability.TEMPLATE_MESSAGES)
    public String add(String body) {
        JsonObject request = WeChatJson.parseObject(body);
        String templateId = templates.add(caller.account(), WeChatJson.string(request, "template_id_short"),
                keywordNames(request.get("keyword_name_list")));
        return JSON.createObjectBuilder().add("errcode", 0).add("errmsg", "ok").add("template_id", templateId)
                .build().toString();
    }

    @GET
    @Path("get_all_private_template")
    @CgiEndpoint(path = "/cgi-bin/template/get_all_private_template", dailyQuota = 10_000,
            capability = Capability.TEMPLATE_MESSAGES)
    public String list() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        templates.list(caller.account()).forEach(t -> {
            Industry industry = Industry.byId(t.industry()).orElse(Industry.OTHER);
            list.add(JSON.createObjectBuilder().add("template_id", t.templateId()).add("title", t.title())
                    .add("primary_industry", industry.firstClass()).add("deputy_industry", industry.secondClass())
                    .add("content", t.content()).add("example", t.example()));
        });
        return JSON.createObjectBuilder().add("template_list", list).build().toString();
    }

    @POST
    @Path("del_private_template")
    @CgiEndpoint(path = "/cgi-bin/template/del_private_template", dailyQuota = 1_000,
            capability = Capability.TEMPLATE_MESSAGES)
    public String delete(String body) {
        templates.delete(caller.account(), WeChatJson.string(WeChatJson.parseObject(body), "template_id"));
        return OK;
    }

    private static JsonObject industry(Industry industry) {
        return JSON.createObjectBuilder().add("first_class", industry.firstClass())
                .add("second_class", industry.secondClass()).build();
    }

    private static List<String> keywordNames(JsonValue value) {
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            throw new BusinessException(TemplateError.INVALID_KEYWORD_NAMES, "keyword_name_list must be a list");
        }
        List<String> names = new ArrayList<>();
        for (JsonValue name : array) {
            if (!(name instanceof JsonString text) || text.getString().isBlank()) {
                throw new BusinessException(TemplateError.INVALID_KEYWORD_NAMES,
                        "keyword_name_list holds keyword names");
            }
            names.add(text.getString().strip());
        }
        return names;
    }
}
