package org.oaplatform.merchants.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oaplatform.merchants.entity.MerchantOrder;
import org.oaplatform.payments.boundary.StatementReferences;
import org.oaplatform.payments.boundary.Statements;

/**
 * A payer's statement names the shop: every posting of a merchant order (its payment, refunds and reversal) refers to
 * the order, whose merchant is shown by its account's name and {@code mch_id}, with the order's state and body.
 */
@ApplicationScoped
public class MerchantStatementReferences implements StatementReferences {

    private static final String MERCHANT = "MERCHANT";

    @PersistenceContext
    EntityManager em;

    @Override
    public Map<String, Described> describe(Set<String> references) {
        List<String> orders = references.stream().filter(r -> r.startsWith(MerchantOrder.ID_PREFIX)).toList();
        Map<String, Described> described = new HashMap<>();
        if (orders.isEmpty()) {
            return described;
        }
        em.createQuery("SELECT o.publicId, o.body, o.state, m.mchId, a.name FROM MerchantOrder o, Merchant m,"
                + " OfficialAccount a WHERE o.publicId IN :ids AND m.id = o.merchantId AND a.id = m.accountId",
                Object[].class).setParameter("ids", orders).getResultList()
                .forEach(row -> described.put((String) row[0], new Described(new Statements.Counterpart(MERCHANT,
                        (String) row[4], (String) row[3]), row[2].toString(), (String) row[1])));
        return described;
    }
}
