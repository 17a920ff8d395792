package dev.tessera.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CredentialsInQueryTest {

    @Test
    void aCredentialAnywhereInTheQueryIsFoundByName() {
        assertThat(CredentialsInQuery.credentialIn("client_id=x&client_secret=S&grant_type=client_credentials")).isEqualTo("client_secret");
        assertThat(CredentialsInQuery.credentialIn("grant_type=password&username=u&password=p")).isEqualTo("password");
        assertThat(CredentialsInQuery.credentialIn("refresh%5Ftoken=r")).isEqualTo("refresh_token");
        assertThat(CredentialsInQuery.credentialIn("x=%zz&device_code")).isEqualTo("device_code");
        assertThat(CredentialsInQuery.credentialIn("token=t&code=c")).isEqualTo("code");
    }

    @Test
    void otherParametersAndNoQueryPass() {
        assertThat(CredentialsInQuery.credentialIn(null)).isNull();
        assertThat(CredentialsInQuery.credentialIn("")).isNull();
        assertThat(CredentialsInQuery.credentialIn("client_id=x&grant_type=client_credentials&scope=read")).isNull();
        assertThat(CredentialsInQuery.credentialIn("client_secret_hint=1&%zz")).isNull();
    }
}
