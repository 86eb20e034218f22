package org.oaplatform.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;
import org.oaplatform.accounts.entity.SmsMessage;
import org.oaplatform.platform.control.Settings;

/**
 * Sends text messages. This gateway writes them to the durable {@code sms_outbox} table in the caller's
 * transaction (so a failed request sends nothing) and to the log; a relay to a real SMS provider reads the
 * outbox. Codes appear in the log only in dev mode.
 */
@ApplicationScoped
public class SmsGateway {

    private static final Logger LOG = Logger.getLogger(SmsGateway.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Settings settings;

    public void send(String phone, String body) {
        SmsMessage message = new SmsMessage(phone, body, clock.instant());
        em.persist(message);
        if (settings.devMode()) {
            LOG.info(() -> "SMS to " + phone + ": " + body);
        } else {
            LOG.info(() -> "SMS to " + PhoneNumbers.masked(phone) + " queued in the outbox");
        }
    }

    public List<SmsMessage> recent(int max) {
        return em.createNamedQuery(SmsMessage.RECENT, SmsMessage.class).setMaxResults(max).getResultList();
    }
}
