package dev.breakglass.crypto;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A test CA and a server certificate it signed for 127.0.0.1, written as PEM files, made with BouncyCastle. */
record TestCertificates(Path caFile, Path certFile, Path keyFile) {

    static TestCertificates forLoopback(Path dir) {
        try {
            KeyPair ca = ecKeyPair();
            KeyPair server = ecKeyPair();
            X500Name caName = new X500Name("CN=Breakglass Test CA");
            Instant now = Instant.now();
            Date from = Date.from(now.minus(Duration.ofMinutes(5)));
            Date until = Date.from(now.plus(Duration.ofDays(1)));
            X509CertificateHolder caCert = new JcaX509v3CertificateBuilder(
                            caName, BigInteger.ONE, from, until, caName, ca.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate()));
            X509CertificateHolder serverCert = new JcaX509v3CertificateBuilder(
                            caName, BigInteger.TWO, from, until, new X500Name("CN=127.0.0.1"), server.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(
                            Extension.subjectAlternativeName,
                            false,
                            new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")))
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ca.getPrivate()));
            TestCertificates files = new TestCertificates(
                    dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server-key.pem"));
            Files.writeString(files.caFile(), pem(caCert));
            Files.writeString(files.certFile(), pem(serverCert));
            // PKCS#8, as the JDK encodes it: the form Go's TLS stack reads without guessing.
            Files.writeString(
                    files.keyFile(),
                    "-----BEGIN PRIVATE KEY-----\n"
                            + java.util.Base64.getMimeEncoder(
                                            64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                                    .encodeToString(server.getPrivate().getEncoded())
                            + "\n-----END PRIVATE KEY-----\n");
            return files;
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }
}
