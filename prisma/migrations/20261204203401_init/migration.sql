-- CreateEnum
CREATE TYPE "ConnectionKind" AS ENUM ('member', 'organization');

-- CreateEnum
CREATE TYPE "ConnectionStatus" AS ENUM ('active', 'needs_reconnect', 'disconnected');

-- CreateEnum
CREATE TYPE "PostStatus" AS ENUM ('scheduled', 'publishing', 'published', 'failed', 'cancelled');

-- CreateTable
CREATE TABLE "Workspace" (
    "id" UUID NOT NULL,
    "slackTeamId" TEXT NOT NULL,
    "name" TEXT,
    "defaultChannelId" TEXT,
    "adminUserIds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Workspace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LinkedInConnection" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "kind" "ConnectionKind" NOT NULL DEFAULT 'member',
    "authorUrn" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "accessTokenEnc" TEXT NOT NULL,
    "refreshTokenEnc" TEXT,
    "accessTokenExpiresAt" TIMESTAMPTZ(3) NOT NULL,
    "refreshTokenExpiresAt" TIMESTAMPTZ(3),
    "scopes" TEXT NOT NULL DEFAULT '',
    "status" "ConnectionStatus" NOT NULL DEFAULT 'active',
    "connectedByUserId" TEXT NOT NULL,
    "lastReminderDays" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "LinkedInConnection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Post" (
    "id" UUID NOT NULL,
    "shortId" TEXT NOT NULL,
    "workspaceId" UUID NOT NULL,
    "connectionId" UUID,
    "authorUserId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageTs" TEXT,
    "text" TEXT NOT NULL,
    "publishAt" TIMESTAMPTZ(3) NOT NULL,
    "timeZone" TEXT NOT NULL,
    "whenText" TEXT NOT NULL,
    "status" "PostStatus" NOT NULL DEFAULT 'scheduled',
    "version" INTEGER NOT NULL DEFAULT 1,
    "eventSentAt" TIMESTAMPTZ(3),
    "publishAttemptAt" TIMESTAMPTZ(3),
    "linkedinUrn" TEXT,
    "linkedinUrl" TEXT,
    "lastError" TEXT,
    "submissionKey" TEXT,
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PostEvent" (
    "id" UUID NOT NULL,
    "postId" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "detail" JSONB,

    CONSTRAINT "PostEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OAuthState" (
    "id" TEXT NOT NULL,
    "workspaceId" UUID NOT NULL,
    "slackUserId" TEXT NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OAuthState_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Workspace_slackTeamId_key" ON "Workspace"("slackTeamId");

-- CreateIndex
CREATE INDEX "LinkedInConnection_status_accessTokenExpiresAt_idx" ON "LinkedInConnection"("status", "accessTokenExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "LinkedInConnection_workspaceId_authorUrn_key" ON "LinkedInConnection"("workspaceId", "authorUrn");

-- CreateIndex
CREATE UNIQUE INDEX "Post_shortId_key" ON "Post"("shortId");

-- CreateIndex
CREATE UNIQUE INDEX "Post_submissionKey_key" ON "Post"("submissionKey");

-- CreateIndex
CREATE INDEX "Post_workspaceId_status_publishAt_idx" ON "Post"("workspaceId", "status", "publishAt");

-- CreateIndex
CREATE INDEX "Post_workspaceId_authorUserId_status_publishAt_idx" ON "Post"("workspaceId", "authorUserId", "status", "publishAt");

-- CreateIndex
CREATE INDEX "Post_status_publishAt_idx" ON "Post"("status", "publishAt");

-- CreateIndex
CREATE INDEX "Post_status_eventSentAt_idx" ON "Post"("status", "eventSentAt");

-- CreateIndex
CREATE INDEX "Post_connectionId_status_idx" ON "Post"("connectionId", "status");

-- CreateIndex
CREATE INDEX "PostEvent_postId_at_idx" ON "PostEvent"("postId", "at");

-- CreateIndex
CREATE INDEX "OAuthState_expiresAt_idx" ON "OAuthState"("expiresAt");

-- AddForeignKey
ALTER TABLE "LinkedInConnection" ADD CONSTRAINT "LinkedInConnection_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Post" ADD CONSTRAINT "Post_connectionId_fkey" FOREIGN KEY ("connectionId") REFERENCES "LinkedInConnection"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PostEvent" ADD CONSTRAINT "PostEvent_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OAuthState" ADD CONSTRAINT "OAuthState_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "Workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;
