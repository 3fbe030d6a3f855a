package com.javelo.scim.app.assembly;

import com.javelo.scim.domain.id.TenantId;

/**
 * Tells every instance of the service that a company's API token was regenerated or revoked, so
 * that each forgets the tokens it remembers for that company ({@link CachingApiTokens}) at once,
 * rather than when its cache expires. On PostgreSQL the news travels through the database
 * ({@link PostgresTokenRevocations}); on H2, which serves one instance, there is no one to tell.
 */
public interface TokenRevocations extends AutoCloseable {

    /** What an instance does with the news. */
    interface Subscriber {
        /** The company's tokens changed somewhere: forget the ones remembered for it. */
        void tokensChanged(TenantId tenant);

        /** News may have been missed (the listening connection was lost): forget every remembered token. */
        void newsMayHaveBeenMissed();

        /** @return a subscriber that hands the news to both (the channel takes one subscriber) */
        static Subscriber both(Subscriber first, Subscriber second) {
            return new Subscriber() {
                @Override
                public void tokensChanged(TenantId tenant) {
                    first.tokensChanged(tenant);
                    second.tokensChanged(tenant);
                }

                @Override
                public void newsMayHaveBeenMissed() {
                    first.newsMayHaveBeenMissed();
                    second.newsMayHaveBeenMissed();
                }
            };
        }
    }

    /** Nothing to tell and no one to listen: one instance (H2), or a command-line tool's own process. */
    TokenRevocations NONE = new TokenRevocations() {
        @Override
        public void publish(TenantId tenant) {
            // the instance that made the change forgets by itself
        }

        @Override
        public void subscribe(Subscriber subscriber) {
            // nothing will come
        }

        @Override
        public void close() {
            // nothing held
        }
    };

    /** Announces, after the change committed, that the company's tokens changed. Never fails the change. */
    void publish(TenantId tenant);

    /** Starts delivering the news from every instance (this one included) to {@code subscriber}. */
    void subscribe(Subscriber subscriber);

    @Override
    void close();
}
