package org.oaplatform.payments.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.oaplatform.payments.entity.AccountKind;
import org.oaplatform.payments.entity.LedgerAccount;

/**
 * The ids of the platform's own ledger accounts (created by the migration, never changed), so that flows need no
 * query to find them. Each kind is split into shards and a wallet always uses the same shard, chosen by its account
 * id: unrelated people never queue behind one escrow row, and a reversal finds its money where the original put it.
 */
@ApplicationScoped
public class PlatformAccounts {

    @PersistenceContext
    EntityManager em;

    private volatile Map<AccountKind, long[]> shards;

    public long of(AccountKind kind, long walletAccountId) {
        long[] ids = shards().get(kind);
        if (ids == null || ids.length == 0) {
            throw new IllegalStateException("no platform accounts of kind " + kind);
        }
        return ids[(int) Math.floorMod(walletAccountId, (long) ids.length)];
    }

    private Map<AccountKind, long[]> shards() {
        Map<AccountKind, long[]> loaded = shards;
        if (loaded == null) {
            List<LedgerAccount> accounts = em.createNamedQuery(LedgerAccount.PLATFORM, LedgerAccount.class)
                    .getResultList();
            Map<AccountKind, long[]> byKind = new EnumMap<>(AccountKind.class);
            for (AccountKind kind : AccountKind.values()) {
                long[] ids = accounts.stream().filter(a -> a.kind() == kind)
                        .sorted((a, b) -> Integer.compare(a.shard(), b.shard()))
                        .mapToLong(LedgerAccount::id).toArray();
                byKind.put(kind, ids);
            }
            shards = loaded = byKind;
        }
        return loaded;
    }
}
