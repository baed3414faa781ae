package dev.outlookflow.runtime.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeysTest {
  @TempDir Path temp;

  @Test
  void theRingIsCreatedOwnerOnlyAndReadBack() throws Exception {
    Path file = temp.resolve("master-key");
    MasterKeys created = MasterKeys.loadOrCreate(file);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    DataKey key = MasterKeys.newDataKey();
    WrappedKey wrapped = created.wrap(key);
    assertThat(MasterKeys.loadOrCreate(file).unwrap(wrapped)).isEqualTo(key);
  }

  @Test
  void rotationKeepsOldKeysSoEveryWrappedKeyStillOpens() throws Exception {
    MasterKeys ring = MasterKeys.loadOrCreate(temp.resolve("master-key"));
    DataKey key = MasterKeys.newDataKey();
    WrappedKey before = ring.wrap(key);

    MasterKeys rotated = ring.withNewPrimary();

    assertThat(rotated.primaryId()).isNotEqualTo(ring.primaryId());
    assertThat(rotated.unwrap(before)).isEqualTo(key);
    assertThat(rotated.wrap(key).masterKeyId()).isEqualTo(rotated.primaryId());
  }

  @Test
  void aValueSealedForOnePlaceDoesNotOpenInAnother() {
    DataKey key = MasterKeys.newDataKey();
    String sealed = key.seal("s3cret", "workspace-a", "connection-1", "field:apiKey");

    assertThat(key.open(sealed, "workspace-a", "connection-1", "field:apiKey")).isEqualTo("s3cret");
    assertThatThrownBy(() -> key.open(sealed, "workspace-a", "connection-2", "field:apiKey"))
        .isInstanceOf(SecretUnreadableException.class);
    assertThatThrownBy(() -> MasterKeys.newDataKey().open(sealed, "workspace-a", "connection-1", "field:apiKey"))
        .isInstanceOf(SecretUnreadableException.class);
  }

  @Test
  void aKeyFromAnotherRingIsRefusedNamingTheFile() throws Exception {
    WrappedKey foreign = MasterKeys.loadOrCreate(temp.resolve("other")).wrap(MasterKeys.newDataKey());
    MasterKeys ring = MasterKeys.loadOrCreate(temp.resolve("master-key"));
    assertThatThrownBy(() -> ring.unwrap(foreign)).hasMessageContaining("restore that file from its backup");
  }

  @Test
  void aMalformedRingIsRefused() throws Exception {
    Path file = temp.resolve("master-key");
    Files.writeString(file, "mk-1:not-base64!\n");
    assertThatThrownBy(() -> MasterKeys.loadOrCreate(file)).hasMessageContaining("malformed line");
  }
}
