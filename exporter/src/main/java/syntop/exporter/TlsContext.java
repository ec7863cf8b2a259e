package syntop.exporter;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An SSL context from the PEM files exporter-toolkit users already have: a certificate (or chain,
 * server certificate first) and an unencrypted private key, PKCS#8 ({@code BEGIN PRIVATE KEY}) or
 * PKCS#1 RSA ({@code BEGIN RSA PRIVATE KEY}). Checks that the key belongs to the certificate.
 */
public final class TlsContext {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    private TlsContext() {
    }

    public static SSLContext load(WebConfig.Tls tls) throws ServeException {
        List<X509Certificate> chain = certificates(tls.certFile());
        PrivateKey key = privateKey(tls.keyFile());
        checkPair(key, chain.get(0), tls);
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            char[] none = new char[0];
            ks.setKeyEntry("syntop", key, none, chain.toArray(new Certificate[0]));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, none);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new ServeException("TLS: cannot use " + tls.certFile() + " and " + tls.keyFile() + ": " + e.getMessage(),
                    true, e);
        }
    }

    private static List<X509Certificate> certificates(Path file) throws ServeException {
        byte[] bytes = read(file, "cert_file");
        if (!new String(bytes, StandardCharsets.US_ASCII).contains("-----BEGIN CERTIFICATE-----")) {
            throw new ServeException("TLS: cert_file " + file + " holds no PEM certificate (BEGIN CERTIFICATE)", true);
        }
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes));
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : certs) {
                out.add((X509Certificate) c);
            }
            if (out.isEmpty()) {
                throw new ServeException("TLS: cert_file " + file + " holds no certificate", true);
            }
            return out;
        } catch (CertificateException e) {
            throw new ServeException("TLS: cert_file " + file + " is not a readable certificate: " + e.getMessage(),
                    true, e);
        }
    }

    private static PrivateKey privateKey(Path file) throws ServeException {
        String text = new String(read(file, "key_file"), StandardCharsets.US_ASCII);
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2));
            } catch (IllegalArgumentException e) {
                throw new ServeException("TLS: key_file " + file + ": the " + type + " block is not valid base64", true);
            }
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(der, file);
                case "RSA PRIVATE KEY":
                    return pkcs8(rsaPkcs1ToPkcs8(der), file);
                case "ENCRYPTED PRIVATE KEY":
                    throw new ServeException("TLS: key_file " + file + " is encrypted; syntop needs an unencrypted key "
                            + "(openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem), readable only by its user", true);
                case "EC PRIVATE KEY":
                    throw new ServeException("TLS: key_file " + file + " is an SEC1 EC key; convert it to PKCS#8 with "
                            + "openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pem", true);
                default:
                    break; // e.g. EC PARAMETERS before the key: skip
            }
        }
        throw new ServeException("TLS: key_file " + file + " holds no PEM private key (BEGIN PRIVATE KEY)", true);
    }

    private static PrivateKey pkcs8(byte[] der, Path file) throws ServeException {
        for (String alg : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (InvalidKeySpecException | java.security.NoSuchAlgorithmException e) {
                // try the next algorithm
            }
        }
        throw new ServeException("TLS: key_file " + file + " is not an RSA, EC or Ed25519 private key syntop can read",
                true);
    }

    /** Wraps a PKCS#1 RSAPrivateKey in a PKCS#8 PrivateKeyInfo (version 0, rsaEncryption, NULL parameters). */
    static byte[] rsaPkcs1ToPkcs8(byte[] pkcs1) {
        byte[] algorithm = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01,
            0x01, 0x05, 0x00};
        byte[] version = {0x02, 0x01, 0x00};
        byte[] octets = tlv(0x04, pkcs1);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(version);
        body.writeBytes(algorithm);
        body.writeBytes(octets);
        return tlv(0x30, body.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = value.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write((n >>> (8 * i)) & 0xff);
            }
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static void checkPair(PrivateKey key, X509Certificate cert, WebConfig.Tls tls) throws ServeException {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            case "Ed448" -> "Ed448";
            default -> null;
        };
        if (alg == null) {
            return;
        }
        try {
            byte[] probe = "syntop".getBytes(StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(cert.getPublicKey());
            v.update(probe);
            if (v.verify(sig)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's: not a pair
        }
        throw new ServeException("TLS: key_file " + tls.keyFile() + " does not belong to the certificate in cert_file "
                + tls.certFile(), true);
    }

    /** A PEM certificate chain or key is a few KiB; a long chain with every intermediate stays far below this. */
    static final int MAX_PEM_BYTES = 1024 * 1024;

    private static byte[] read(Path file, String what) throws ServeException {
        return BoundedFile.read(file, MAX_PEM_BYTES, "TLS: ", what, "a PEM certificate chain or key is a few KiB");
    }
}
