package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LdapFiltersTest {
    @Test
    void valuesAreEscapedPerRfc4515() {
        assertThat(LdapFilters.fill("(uid={0})", "*)(uid=*").toString()).isEqualTo("(uid=\\2a\\29\\28uid=\\2a)");
        assertThat(LdapFilters.fill("(uid={0})", "a\u0000b\\c").toString()).isEqualTo("(uid=a\\00b\\5cc)");
    }

    @Test
    void prefixSearchKeepsTheValueLiteralAndAddsOneWildcard() {
        assertThat(LdapFilters.startsWith("(&(objectClass=person)(uid={0}))", List.of("uid"), "ad*").toString())
                .isEqualTo("(&(&(objectClass=person)(uid=*))(uid=ad\\2a*))");
        assertThat(LdapFilters.startsWith("(&(objectClass=person)(uid={0}))", List.of("uid", "cn", "mail"), "a)(").toString())
                .isEqualTo("(&(&(objectClass=person)(uid=*))(|(uid=a\\29\\28*)(cn=a\\29\\28*)(mail=a\\29\\28*)))");
        assertThat(LdapFilters.startsWith("(uid={0})", List.of("uid"), "").toString()).isEqualTo("(uid=*)");
    }

    @Test
    void anyOfOrsTheFilledTemplates() {
        assertThat(LdapFilters.anyOf("(member={0})", List.of("cn=a", "cn=b)")).toString()).isEqualTo("(|(member=cn=a)(member=cn=b\\29))");
    }

    @Test
    void groupDnsAreComparedInTheirRfc4514NormalForm() {
        assertThat(LdapGroups.normalize("CN=Staff,OU=Groups,DC=corp,DC=example"))
                .isEqualTo(LdapGroups.normalize("cn=staff, ou=groups,dc=CORP,dc=example"));
        assertThat(LdapGroups.firstRdnValue("CN=Smith\\, John,OU=Groups,DC=corp")).isEqualTo("Smith, John");
    }
}
