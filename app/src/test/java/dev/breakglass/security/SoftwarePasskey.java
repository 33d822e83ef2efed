package dev.breakglass.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.extension.authenticator.AuthenticationExtensionAuthenticatorOutput;
import com.webauthn4j.data.extension.authenticator.RegistrationExtensionAuthenticatorOutput;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.webauthn.api.AuthenticatorAttestationResponse;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.PublicKeyCredential;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.jackson.WebauthnJackson2Module;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * A passkey in software, for tests without a browser: it answers Spring Security's creation and request options
 * with the JSON that {@code /scripts/passkeys.js} sends (an ES256 key, "none" attestation), signing like a real
 * authenticator, so the server's checks (challenge, origin, relying-party id, signature, user verification) all run.
 */
final class SoftwarePasskey {

    static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .modules(new WebauthnJackson2Module())
            .build();
    private static final ObjectConverter CONVERTER = new ObjectConverter();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String origin;
    private final String rpId;
    private final KeyPair keys;
    private final byte[] credentialId = new byte[32];
    private byte[] userHandle;
    private long counter;

    SoftwarePasskey(String origin, String rpId) {
        this.origin = origin;
        this.rpId = rpId;
        RANDOM.nextBytes(credentialId);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Registers a new software passkey for the signed-in member, as Spring Security's registration endpoints do with
     * what the browser sends.
     */
    static SoftwarePasskey registerFor(
            WebAuthnRelyingPartyOperations relyingParty, PasskeySettings settings, Authentication member, String name) {
        PublicKeyCredentialCreationOptions options = relyingParty.createPublicKeyCredentialCreationOptions(
                new ImmutablePublicKeyCredentialCreationOptionsRequest(member));
        SoftwarePasskey key =
                new SoftwarePasskey(settings.allowedOrigins().iterator().next(), settings.rpId());
        PublicKeyCredential<AuthenticatorAttestationResponse> credential;
        try {
            credential = JSON.readValue(
                    key.attestation(
                            options.getChallenge().toBase64UrlString(),
                            options.getUser().getId()),
                    new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        relyingParty.registerCredential(
                new ImmutableRelyingPartyRegistrationRequest(options, new RelyingPartyPublicKey(credential, name)));
        return key;
    }

    String credentialId() {
        return base64url(credentialId);
    }

    /** The credential a browser would post to {@code /webauthn/register}, for these creation options. */
    String attestation(String challenge, Bytes userId) {
        userHandle = userId.getBytes();
        byte[] clientData = clientData("webauthn.create", challenge);
        AuthenticatorData<RegistrationExtensionAuthenticatorOutput> data = new AuthenticatorData<>(
                rpIdHash(),
                (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT),
                0,
                new AttestedCredentialData(
                        AAGUID.ZERO,
                        credentialId,
                        EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256)));
        byte[] attestationObject = new AttestationObjectConverter(CONVERTER)
                .convertToBytes(new AttestationObject(data, new NoneAttestationStatement()));
        return "{\"id\":\"" + credentialId() + "\",\"rawId\":\"" + credentialId() + "\",\"type\":\"public-key\","
                + "\"response\":{\"attestationObject\":\"" + base64url(attestationObject) + "\",\"clientDataJSON\":\""
                + base64url(clientData) + "\",\"transports\":[\"internal\"]},\"clientExtensionResults\":{},"
                + "\"authenticatorAttachment\":\"platform\"}";
    }

    /** The signed answer to a request's challenge, as the browser posts it to {@code /login/webauthn}. */
    String assertion(String challenge, boolean userVerified) {
        byte[] clientData = clientData("webauthn.get", challenge);
        byte flags = (byte) (AuthenticatorData.BIT_UP | (userVerified ? AuthenticatorData.BIT_UV : 0));
        byte[] authenticatorData = new AuthenticatorDataConverter(CONVERTER)
                .convert(new AuthenticatorData<AuthenticationExtensionAuthenticatorOutput>(
                        rpIdHash(), flags, ++counter));
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            ByteArrayOutputStream signed = new ByteArrayOutputStream();
            signed.writeBytes(authenticatorData);
            signed.writeBytes(MessageDigest.getInstance("SHA-256").digest(clientData));
            signer.update(signed.toByteArray());
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return "{\"id\":\"" + credentialId() + "\",\"rawId\":\"" + credentialId() + "\",\"type\":\"public-key\","
                + "\"response\":{\"authenticatorData\":\"" + base64url(authenticatorData) + "\",\"clientDataJSON\":\""
                + base64url(clientData) + "\",\"signature\":\"" + base64url(signature) + "\",\"userHandle\":\""
                + base64url(userHandle) + "\"},\"clientExtensionResults\":{},\"authenticatorAttachment\":\"platform\"}";
    }

    private byte[] clientData(String type, String challenge) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                        + "\",\"crossOrigin\":false}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] rpIdHash() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(rpId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
