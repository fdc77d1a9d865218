package fr.vivier.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** The local authority the portal belongs to: name, logo and colours shown on every page. */
@ConfigurationProperties("vivier.authority")
public class AuthorityConfiguration {
    private String name = "Collectivité";
    private @Nullable String logoUrl;
    private String primaryColor = "#1d4f91";
    private String accentColor = "#b3401b";
    private String contactEmail = "";
    private String dpoEmail = "";
    private String postalAddress = "";
    private String publicationDirector = "";
    private String hostName = "";
    private String hostAddress = "";

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public @Nullable String getLogoUrl() { return logoUrl == null || logoUrl.isBlank() ? null : logoUrl; }
    public void setLogoUrl(@Nullable String logoUrl) { this.logoUrl = logoUrl; }
    public String getPrimaryColor() { return primaryColor; }
    public void setPrimaryColor(String primaryColor) { this.primaryColor = primaryColor; }
    public String getAccentColor() { return accentColor; }
    public void setAccentColor(String accentColor) { this.accentColor = accentColor; }
    public String getContactEmail() { return contactEmail; }
    public void setContactEmail(String contactEmail) { this.contactEmail = contactEmail; }
    public String getDpoEmail() { return dpoEmail; }
    public void setDpoEmail(String dpoEmail) { this.dpoEmail = dpoEmail; }
    public String getPostalAddress() { return postalAddress; }
    public void setPostalAddress(String postalAddress) { this.postalAddress = postalAddress; }
    public String getPublicationDirector() { return publicationDirector; }
    public void setPublicationDirector(String publicationDirector) { this.publicationDirector = publicationDirector; }
    public String getHostName() { return hostName; }
    public void setHostName(String hostName) { this.hostName = hostName; }
    public String getHostAddress() { return hostAddress; }
    public void setHostAddress(String hostAddress) { this.hostAddress = hostAddress; }
}
