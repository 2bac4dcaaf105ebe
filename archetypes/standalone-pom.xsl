<?xml version="1.0" encoding="UTF-8"?>
<!-- An example's pom.xml (a module of this repository, child of bricks-parent) → the pom.xml of a project generated
     from its archetype: no parent; the user's coordinates (placeholders @@groupId@@ @@artifactId@@ @@version@@,
     turned into Velocity references by generate-from-example.xml); bricks-dependencies imported for every
     dependency version; the plugin versions bricks-parent manages, pinned; bricks-maven-plugin for bricks:invoke,
     bricks:run and bricks:archive. Everything else (dependencies, executions, profiles) is copied as it is. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:pom="http://maven.apache.org/POM/4.0.0" xmlns="http://maven.apache.org/POM/4.0.0"
                exclude-result-prefixes="pom">
  <xsl:output method="xml" encoding="UTF-8" omit-xml-declaration="yes"/>
  <!-- what a removed element leaves behind, a line of spaces only, is dropped by generate-from-example.xml -->
  <xsl:param name="bricksVersion"/>
  <xsl:param name="compilerVersion"/>
  <xsl:param name="surefireVersion"/>
  <xsl:param name="jarVersion"/>
  <xsl:param name="resourcesVersion"/>
  <xsl:param name="assemblyVersion"/>
  <xsl:param name="execVersion"/>
  <xsl:param name="installVersion"/>
  <xsl:param name="deployVersion"/>
  <xsl:param name="cleanVersion"/>
  <xsl:param name="siteVersion"/>

  <xsl:template match="/">
    <xsl:text disable-output-escaping="yes">&lt;?xml version="1.0" encoding="UTF-8"?&gt;&#10;</xsl:text>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="@*|node()">
    <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
  </xsl:template>

  <!-- the repository's own: the parent, its comment, the module name, "an example is not published" -->
  <xsl:template match="pom:project/pom:parent">
    <groupId>@@groupId@@</groupId>
    <xsl:text>&#10;  </xsl:text>
    <artifactId>@@artifactId@@</artifactId>
    <xsl:text>&#10;  </xsl:text>
    <version>@@version@@</version>
  </xsl:template>
  <xsl:template match="pom:project/pom:artifactId"/>
  <xsl:template match="comment()[contains(., 'In your own project') or contains(., 'an example is not published')
                       or contains(., 'only orders the reactor')]"/>
  <xsl:template match="pom:properties/pom:bricks.module.name | pom:properties/pom:maven.install.skip
                       | pom:properties/pom:maven.deploy.skip"/>
  <!-- the processor as a provided dependency only ordered the reactor; annotationProcessorPaths brings it -->
  <xsl:template match="pom:dependency[pom:artifactId = 'bricks-dynamo-single-table-processor']"/>

  <xsl:template match="pom:project/pom:properties">
    <properties>
      <xsl:text>&#10;    </xsl:text>
      <maven.compiler.release>17</maven.compiler.release>
      <xsl:text>&#10;    </xsl:text>
      <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
      <xsl:text>&#10;    </xsl:text>
      <bricks.version><xsl:value-of select="$bricksVersion"/></bricks.version>
      <xsl:apply-templates select="node()"/>
    </properties>
    <xsl:text>&#10;&#10;  </xsl:text>
    <xsl:comment> every Bricks artifact and every library Bricks is tested with (AWS SDK, Jackson, JUnit, ...) </xsl:comment>
    <xsl:text>&#10;  </xsl:text>
    <dependencyManagement>
      <xsl:text>&#10;    </xsl:text>
      <dependencies>
        <xsl:text>&#10;      </xsl:text>
        <dependency>
          <xsl:text>&#10;        </xsl:text>
          <groupId>dev.bricks</groupId><artifactId>bricks-dependencies</artifactId><version>${bricks.version}</version>
          <xsl:text>&#10;        </xsl:text>
          <type>pom</type><scope>import</scope>
          <xsl:text>&#10;      </xsl:text>
        </dependency>
        <xsl:text>&#10;    </xsl:text>
      </dependencies>
      <xsl:text>&#10;  </xsl:text>
    </dependencyManagement>
  </xsl:template>

  <xsl:template match="pom:annotationProcessorPaths/pom:path/pom:version[. = '${project.version}']">
    <version>${bricks.version}</version>
  </xsl:template>

  <xsl:template match="pom:project/pom:build">
    <build>
      <xsl:text>&#10;    </xsl:text>
      <pluginManagement>
        <xsl:text>&#10;      </xsl:text>
        <plugins>
          <xsl:call-template name="managed"><xsl:with-param name="a">maven-clean-plugin</xsl:with-param><xsl:with-param name="v" select="$cleanVersion"/></xsl:call-template>
          <xsl:call-template name="managed"><xsl:with-param name="a">maven-resources-plugin</xsl:with-param><xsl:with-param name="v" select="$resourcesVersion"/></xsl:call-template>
          <xsl:call-template name="managed"><xsl:with-param name="a">maven-compiler-plugin</xsl:with-param><xsl:with-param name="v" select="$compilerVersion"/></xsl:call-template>
          <xsl:call-template name="managed"><xsl:with-param name="a">maven-surefire-plugin</xsl:with-param><xsl:with-param name="v" select="$surefireVersion"/></xsl:call-template>
          <xsl:call-template name="managed"><xsl:with-param name="a">maven-jar-plugin</xsl:with-param><xsl:with-param name="v" select="$jarVersion"/></xsl:call-template>
          <xsl:call-template name="managed"><xsl:with-param name="a">maven-assembly-plugin</xsl:with-param><xsl:with-param name="v" select="$assemblyVersion"/></xsl:call-template>
          <xsl:call-template name="managed"><xsl:with-param name="a">maven-install-plugin</xsl:with-param><xsl:with-param name="v" select="$installVersion"/></xsl:call-template>
          <xsl:call-template name="managed"><xsl:with-param name="a">maven-deploy-plugin</xsl:with-param><xsl:with-param name="v" select="$deployVersion"/></xsl:call-template>
          <xsl:call-template name="managed"><xsl:with-param name="a">maven-site-plugin</xsl:with-param><xsl:with-param name="v" select="$siteVersion"/></xsl:call-template>
          <xsl:call-template name="managed"><xsl:with-param name="g">org.codehaus.mojo</xsl:with-param><xsl:with-param name="a">exec-maven-plugin</xsl:with-param><xsl:with-param name="v" select="$execVersion"/></xsl:call-template>
          <xsl:text>&#10;      </xsl:text>
        </plugins>
        <xsl:text>&#10;    </xsl:text>
      </pluginManagement>
      <xsl:apply-templates select="node()"/>
    </build>
  </xsl:template>

  <xsl:template match="pom:project/pom:build/pom:plugins">
    <plugins>
      <xsl:text>&#10;      </xsl:text>
      <xsl:comment> mvn bricks:invoke / bricks:run / bricks:archive (see README.md) </xsl:comment>
      <xsl:text>&#10;      </xsl:text>
      <plugin><groupId>dev.bricks</groupId><artifactId>bricks-maven-plugin</artifactId><version>${bricks.version}</version></plugin>
      <xsl:apply-templates select="node()"/>
    </plugins>
  </xsl:template>

  <xsl:template name="managed">
    <xsl:param name="g">org.apache.maven.plugins</xsl:param>
    <xsl:param name="a"/>
    <xsl:param name="v"/>
    <xsl:text>&#10;        </xsl:text>
    <plugin><groupId><xsl:value-of select="$g"/></groupId><artifactId><xsl:value-of select="$a"/></artifactId><version><xsl:value-of select="$v"/></version></plugin>
  </xsl:template>
</xsl:stylesheet>
