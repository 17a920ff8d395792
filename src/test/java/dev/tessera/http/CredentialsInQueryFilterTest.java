package dev.tessera.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialsInQueryFilterTest {

    @Test
    void aCredentialAnywhereInTheQueryIsFoundByName() {
        assertThat(CredentialsInQueryFilter.credentialIn("client_id=x&client_secret=S&grant_type=client_credentials")).isEqualTo("client_secret");
        assertThat(CredentialsInQueryFilter.credentialIn("grant_type=password&username=u&password=p")).isEqualTo("password");
        assertThat(CredentialsInQueryFilter.credentialIn("refresh%5Ftoken=r")).isEqualTo("refresh_token");
        assertThat(CredentialsInQueryFilter.credentialIn("x=%zz&device_code")).isEqualTo("device_code");
        assertThat(CredentialsInQueryFilter.credentialIn("token=t&code=c")).isEqualTo("code");
    }

    @Test
    void otherParametersAndNoQueryPass() {
        assertThat(CredentialsInQueryFilter.credentialIn(null)).isNull();
        assertThat(CredentialsInQueryFilter.credentialIn("")).isNull();
        assertThat(CredentialsInQueryFilter.credentialIn("client_id=x&grant_type=client_credentials&scope=read")).isNull();
        assertThat(CredentialsInQueryFilter.credentialIn("client_secret_hint=1&%zz")).isNull();
    }
}
