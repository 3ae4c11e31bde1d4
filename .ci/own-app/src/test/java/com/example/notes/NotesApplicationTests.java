package com.example.notes;

import dev.rowguard.devkit.LocalTokenIssuer;
import dev.rowguard.devkit.RowguardDevServices;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RowguardDevServices.class)
class NotesApplicationTests {

    @LocalServerPort
    int port;

    @Autowired
    LocalTokenIssuer tokens;

    @Test
    void bobNeitherSeesAlicesDraftNorChangesHerPublishedNote() {
        RestClient http = RestClient.create("http://localhost:" + port);
        String alice = "Bearer " + tokens.token("alice");
        String bob = "Bearer " + tokens.token("bob");

        Note draft = http.post().uri("/notes").header("Authorization", alice)
            .contentType(MediaType.APPLICATION_JSON).body("{\"title\":\"draft\"}")
            .retrieve().body(Note.class);
        Note published = http.post().uri("/notes").header("Authorization", alice)
            .contentType(MediaType.APPLICATION_JSON).body("{\"title\":\"news\",\"published\":true}")
            .retrieve().body(Note.class);
        assertThat(draft.getAuthorId()).isEqualTo("alice");

        HttpStatusCode bobReadsTheDraft = http.get().uri("/notes/{id}", draft.getId()).header("Authorization", bob)
            .exchange((request, response) -> response.getStatusCode());
        assertThat(bobReadsTheDraft.value()).isEqualTo(404);

        HttpStatusCode bobRenames = http.patch().uri("/notes/{id}", published.getId()).header("Authorization", bob)
            .contentType(MediaType.APPLICATION_JSON).body("{\"title\":\"mine\"}")
            .exchange((request, response) -> response.getStatusCode());
        assertThat(bobRenames.value()).isEqualTo(403);
    }

}
