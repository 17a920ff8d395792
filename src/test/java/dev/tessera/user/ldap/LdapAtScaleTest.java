package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tessera.cluster.CacheInvalidated;
import dev.tessera.user.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 25 point 1 and 2 with 3,000 generated people in 150 groups nested three levels (each person directly in 5
 * leaf groups), counting the LDAP operations the in-memory directory receives per sign-in: after warm-up a
 * sign-in costs the user search, the bind and at most one group search; none with memberOf; a login name the
 * directory lacks costs one search per negative-cache period.
 */
class LdapAtScaleTest {
    static final int USERS = 3_000;
    static final LdapFixture FIXTURE = new LdapFixture(USERS, 150, 5, false);
    static final LdapFixture WITH_MEMBER_OF = new LdapFixture(USERS, 150, 5, true);
    static LdapTestServer directory;
    static LdapTestServer overlay;
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T10:00:00Z"));
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    LdapConnections connections;
    LdapGroupCache cache;

    @BeforeAll
    static void start() throws Exception {
        directory = LdapTestServer.generated(FIXTURE, 0);
        overlay = LdapTestServer.generated(WITH_MEMBER_OF, 0);
    }

    @AfterAll
    static void stop() {
        directory.close();
        overlay.close();
    }

    @BeforeEach
    void reset() {
        directory.resetCounts();
        overlay.resetCounts();
    }

    @AfterEach
    void closePool() {
        connections.close();
    }

    LdapUserStore store(LdapTestServer server, LdapTuning tuning) {
        LdapSettings settings = LdapTestServer.openLdapSettings(server.url());
        connections = new LdapConnections(settings);
        LdapDirectory ldap = new LdapDirectory(connections);
        cache = new LdapGroupCache(tuning);
        return new LdapUserStore(settings, tuning, ldap, new LdapGroups(settings, tuning, ldap, cache, clock), clock);
    }

    UserAccount signIn(LdapUserStore store, int user) {
        return ActiveDirectoryUserStoreTest.success(store.authenticate("user" + user, LdapTestServer.PASSWORD));
    }

    @Test
    void afterWarmUpASignInNeedsOneGroupSearch() {
        LdapUserStore store = store(directory, LdapTuning.defaults());
        UserAccount first = signIn(store, 0);
        assertThat(first.subject()).isEqualTo(LdapFixture.subject(0));
        assertThat(first.groups()).containsExactlyInAnyOrderElementsOf(FIXTURE.groupsOf(0));
        // cold: the user, the direct groups, then one per level (leaf, middle, top groups: the last finds none)
        assertThat(directory.searches()).as("cold").isEqualTo(1 + 1 + 3);

        for (int u = 1; u < 200; u++) {
            signIn(store, u); // warms the cache with every leaf and middle group
        }
        directory.resetCounts();
        for (int u = 200; u < 300; u++) {
            int before = directory.searches();
            UserAccount person = signIn(store, u);
            assertThat(person.groups()).as("user" + u).containsExactlyInAnyOrderElementsOf(FIXTURE.groupsOf(u));
            assertThat(directory.searches() - before).as("user search + one group search for user" + u).isEqualTo(2);
        }
        assertThat(directory.binds()).isEqualTo(100);
    }

    @Test
    void withMemberOfOnTheEntryASignInNeedsNoGroupSearch() {
        LdapUserStore store = store(overlay, LdapTuning.defaults());
        for (int u = 0; u < 200; u++) {
            signIn(store, u);
        }
        overlay.resetCounts();
        for (int u = 200; u < 300; u++) {
            assertThat(signIn(store, u).groups()).containsExactlyInAnyOrderElementsOf(WITH_MEMBER_OF.groupsOf(u));
        }
        assertThat(overlay.searches()).as("only the user searches").isEqualTo(100);
    }

    @Test
    void theCacheExpiresAndAClusterInvalidationEmptiesIt() {
        LdapUserStore store = store(directory, LdapTuning.defaults());
        signIn(store, 0);
        directory.resetCounts();
        signIn(store, 0);
        assertThat(directory.searches()).isEqualTo(2);

        cache.onInvalidated(new CacheInvalidated(CacheInvalidated.LDAP_GROUPS, CacheInvalidated.ALL));
        assertThat(cache.size()).isZero();
        directory.resetCounts();
        signIn(store, 0);
        assertThat(directory.searches()).as("cold again after the invalidation").isGreaterThan(2);

        now.set(now.get().plus(Duration.ofMinutes(11)));
        directory.resetCounts();
        signIn(store, 0);
        assertThat(directory.searches()).as("cold again after group-cache-ttl").isGreaterThan(2);
    }

    @Test
    void withoutTheCacheEveryLevelIsSearchedEachTime() {
        LdapTuning off = new LdapTuning(LdapTuning.NONE, Duration.ZERO, Duration.ZERO, 2, Duration.ofSeconds(3), Duration.ofMinutes(10));
        LdapUserStore store = store(directory, off);
        signIn(store, 0);
        directory.resetCounts();
        assertThat(signIn(store, 0).groups()).containsExactlyInAnyOrderElementsOf(FIXTURE.groupsOf(0));
        assertThat(directory.searches()).isGreaterThan(2);
    }

    @Test
    void aLoginNameTheDirectoryLacksCostsOneSearchPerNegativeCachePeriod() {
        LdapUserStore store = store(directory, LdapTuning.defaults());
        for (int i = 0; i < 5; i++) {
            assertThat(store.authenticate("Local-Person", "whatever")).isEmpty();
            assertThat(store.findByUsername("local-person")).isEmpty();
        }
        assertThat(directory.searches()).isEqualTo(1);

        now.set(now.get().plus(Duration.ofSeconds(31)));
        assertThat(store.authenticate("local-person", "whatever")).isEmpty();
        assertThat(directory.searches()).isEqualTo(2);
    }
}
