package org.dedup.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.junit.jupiter.api.Test;

/** dedup-bom lists every module a host may depend on, at the project's version; the build's own modules stay out. */
class BomTest {
    private static final Path ROOT = Path.of("..");
    /** Modules that are not published for hosts: test support, an example, benchmarks, the BOM itself. */
    private static final Set<String> NOT_FOR_HOSTS = Set.of("dedup-testing", "dedup-example-plugin", "bench",
            "bench/duke", "dedup-bom");

    @Test
    void theBomManagesEveryPublishedModuleAtTheProjectsVersion() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("dedup-bom").resolve("pom.xml"));
        String version = child(parent.getDocumentElement(), "version");

        List<String> published = texts(parent, "module").stream().filter(m -> !NOT_FOR_HOSTS.contains(m)).toList();
        List<String> managed = new ArrayList<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertEquals("org.dedup", child(dependency, "groupId"));
            assertEquals(version, child(dependency, "version"), child(dependency, "artifactId"));
            managed.add(child(dependency, "artifactId"));
        }

        assertEquals(version, child(bom.getDocumentElement(), "version"));
        assertEquals(published.stream().sorted().collect(Collectors.toList()), managed.stream().sorted().toList());
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    private static List<String> texts(Document document, String tag) {
        NodeList nodes = document.getElementsByTagName(tag);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent().trim());
        }
        return texts;
    }

    /** The text of the element's direct child {@code tag}. */
    private static String child(Element element, String tag) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(tag)) {
                return child.getTextContent().trim();
            }
        }
        throw new AssertionError(element.getTagName() + " has no " + tag);
    }
}
