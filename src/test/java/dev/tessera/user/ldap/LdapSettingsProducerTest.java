package dev.tessera.user.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LdapSettingsProducerTest {
    @Test
    void claimMappingIsClaimEqualsAttributeInOrder() {
        assertThat(LdapSettingsProducer.claims(" email = mail , preferred_username=sAMAccountName"))
                .containsExactly(java.util.Map.entry("email", "mail"), java.util.Map.entry("preferred_username", "sAMAccountName"));
        assertThatThrownBy(() -> LdapSettingsProducer.claims("email")).hasMessageContaining("tessera.ldap.claims");
    }

    @Test
    void flavorsByTheirConfigNames() {
        assertThat(LdapFlavor.of(" Active-Directory ")).isEqualTo(LdapFlavor.ACTIVE_DIRECTORY);
        assertThat(LdapFlavor.of("generic").subjectAttribute()).isEqualTo("entryUUID");
        assertThat(LdapFlavor.ACTIVE_DIRECTORY.subjectAttribute()).isEqualTo("objectGUID");
        assertThatThrownBy(() -> LdapFlavor.of("novell")).hasMessageContaining("tessera.ldap.flavor");
    }

    @Test
    void aStoreWithoutUrlsOrBaseIsNotUsable() {
        LdapSettings none = LdapTestServer.adSettings();
        assertThatThrownBy(none::requireUsable).hasMessageContaining("tessera.ldap.urls");
        assertThat(LdapTestServer.adSettings("ldap://127.0.0.1:389").urls()).isEqualTo(List.of("ldap://127.0.0.1:389"));
    }
}
