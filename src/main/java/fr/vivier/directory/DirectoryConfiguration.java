package fr.vivier.directory;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

@ConfigurationProperties("vivier.directory")
public class DirectoryConfiguration {
    /** before-publication (default): staff publish new profiles; after-publication: published at once, reviewed afterwards. */
    private String moderation = "before-publication";
    private Duration linkValidity = Duration.ofHours(24);
    private Duration retentionInactivity = Duration.ofDays(3 * 365);
    private Duration retentionGrace = Duration.ofDays(30);

    public String getModeration() { return moderation; }
    public void setModeration(String moderation) { this.moderation = moderation; }
    public boolean publishesAtOnce() { return "after-publication".equalsIgnoreCase(moderation); }
    public Duration getLinkValidity() { return linkValidity; }
    public void setLinkValidity(Duration linkValidity) { this.linkValidity = linkValidity; }
    public Duration getRetentionInactivity() { return retentionInactivity; }
    public void setRetentionInactivity(Duration retentionInactivity) { this.retentionInactivity = retentionInactivity; }
    public Duration getRetentionGrace() { return retentionGrace; }
    public void setRetentionGrace(Duration retentionGrace) { this.retentionGrace = retentionGrace; }
}
